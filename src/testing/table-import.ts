import type { AppContext } from '../app/context.js';
import { AccessScope } from '../app/policies/access-scope.js';
import { importTable } from '../app/table-import/table-importer.js';
import type { TableMapping } from '../domain/schemas/table-mapping.js';
import { buildCsv } from './table-files.js';

/** The headers of the hotline list the table-import tests use. */
export const LIST_HEADERS = [
  'ID',
  'ФИО',
  'Дата рождения',
  'Воинская часть',
  'Звание',
  'Статус',
  'Дата статуса',
  'Последняя связь',
  'Место содержания',
  'Телефон жены',
];

/** The first version of the list: four men, in the forms lists write them. */
export const LIST_V1 = [
  LIST_HEADERS,
  [
    '101',
    'Кашин Алексей Петрович',
    '12.10.1990',
    'в/ч 12345',
    'рядовой',
    'задержан',
    '12 октября 2022',
    '20.10.2022',
    'Зайцеве',
    '+7 900 000-00-01',
  ],
  ['102', 'Мельник Андрій', '1994', 'в/ч 12345', '', 'мобилизован', '', '', '', ''],
  ['103', 'Sorokin Stanislav', '2004-03-05', '', '', 'отказался', '', '', '', ''],
  ['104', 'Петров Пётр Ильич', '01.02.1985', 'в/ч 54321', '', 'задержан', '', '', '', ''],
];

/**
 * The list's next version: Kashin released and heard from since, Melnyk's unit and rank corrected
 * and his name now in Russian spelling, Sorokin's row gone, Petrov as he was, a new man added.
 */
export const LIST_V2 = [
  LIST_HEADERS,
  [
    '101',
    'Кашин Алексей Петрович',
    '12.10.1990',
    'в/ч 12345',
    'рядовой',
    'освобожден',
    '05.02.2023',
    '06.02.2023',
    'Зайцеве',
    '+7 900 000-00-01',
  ],
  ['102', 'Мельник Андрей', '1994', 'в/ч 777', 'ефрейтор', 'мобилизован', '', '', '', ''],
  ['104', 'Петров Пётр Ильич', '01.02.1985', 'в/ч 54321', '', 'задержан', '', '', '', ''],
  ['105', 'Новиков Олег Семёнович', 'October 3, 1979', 'в/ч 777', '', 'СЗЧ', '', '', '', ''],
];

/** The mapping of the hotline list, with or without its id column. */
export function listMapping(withIds = true): TableMapping {
  return {
    system: 'hotline-list',
    columns: {
      ...(withIds ? { externalId: 'ID' } : {}),
      fullName: 'ФИО',
      birthDate: 'Дата рождения',
      unit: 'Воинская часть',
      rank: 'Звание',
      status: 'Статус',
      statusDate: 'Дата статуса',
      lastContact: 'Последняя связь',
      detentionPlace: 'Место содержания',
      phone: 'Телефон жены',
    },
    case: { title: 'Отказники, список горячей линии' },
  };
}

/** Imports rows as a semicolon CSV with the operator's full access. */
export function importRows(
  ctx: AppContext,
  rows: string[][],
  options: { mapping?: TableMapping; dryRun?: boolean; name?: string } = {},
) {
  return importTable({
    ctx,
    actor: { id: 'test:importer' },
    scope: AccessScope.system(ctx),
    bytes: buildCsv(rows, { delimiter: ';' }),
    fileName: options.name ?? 'list.csv',
    mapping: options.mapping ?? listMapping(),
    dryRun: options.dryRun ?? false,
  });
}
