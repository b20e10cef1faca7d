import type { AppContext } from '../../app/context.js';
import { createMapping } from '../../app/table-import/saved-mappings.js';
import type { TableMapping } from '../../domain/schemas/table-mapping.js';
import { importRows } from '../table-import.js';

const HEADERS = ['ID', 'ФИО', 'Дата рождения', 'Воинская часть', 'Статус', 'Дата статуса', 'Где держат'];

/** An invented hotline list, as a group would keep it; every name and unit is made up. */
const LIST_V1 = [
  HEADERS,
  ['Д-1', 'Примеров Иван Сергеевич', '12.05.1989', 'в/ч 00000', 'задержан', '02.2024', ''],
  ['Д-2', 'Образцов Павел Олегович', '1992', 'в/ч 00000', 'мобилизован', '', ''],
  ['Д-3', 'Вымыслов Олег Петрович', '1985', 'в/ч 00001', 'отказался', '', ''],
];

/**
 * Its next version, for the import page's screenshots: one man released, one moved to another
 * unit, one as he was, new rows of which one names a stored person with nothing to confirm it
 * and two are malformed.
 */
export const DEMO_LIST_V2 = [
  HEADERS,
  ['Д-1', 'Примеров Иван Сергеевич', '12.05.1989', 'в/ч 00000', 'освобожден', '03.2024', ''],
  ['Д-2', 'Образцов Павел Олегович', '1992', 'в/ч 00002', 'мобилизован', '', ''],
  ['Д-3', 'Вымыслов Олег Петрович', '1985', 'в/ч 00001', 'отказался', '', ''],
  ['Д-4', 'Тестов Олег', '', '', 'задержан', '', 'Svatove training ground'],
  ['Д-5', 'Условный Андрей Ильич', '31.02.1990', 'в/ч 00000', 'задержан', '', ''],
  ['Д-6', 'Черновой Максим', '1994', 'в/ч 00001', 'на подвале у ротного', '', ''],
  ['Д-7', 'Новиков Артём Денисович', '07.07.1996', 'в/ч 00002', 'задержан', '01.03.2024', ''],
];

/** The mapping of the invented list; "Где держат" is left for the user to map on screen. */
export const DEMO_MAPPING: TableMapping = {
  system: 'горячая линия (пример)',
  columns: {
    externalId: 'ID',
    fullName: 'ФИО',
    birthDate: 'Дата рождения',
    unit: 'Воинская часть',
    status: 'Статус',
    statusDate: 'Дата статуса',
  },
};

/** Imports the list's first version and saves its mapping, as a group's earlier import would have. */
export async function seedDemoImport(ctx: AppContext): Promise<void> {
  await importRows(ctx, LIST_V1, { mapping: DEMO_MAPPING, name: 'горячая линия (пример).csv' });
  await createMapping({
    ctx,
    actor: { id: 'demo:seed' },
    name: 'Горячая линия (пример)',
    mapping: DEMO_MAPPING,
  });
}
