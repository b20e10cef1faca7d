import { performance } from 'node:perf_hooks';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { openApp } from '../app/open-app.js';
import { importTelegram } from '../app/telegram/telegram-importer.js';
import { telegramLimitsFrom } from '../config.js';
import { zipExportFiles } from '../ingest/formats/telegram-archive.js';
import type { Engine } from '../store/database.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import { type RawTelegramChat, telegramZip } from '../testing/telegram-exports.js';
import { random } from './names.js';
import { freshDatabase } from './storage-bench.js';
import type { BenchRow } from './table.js';

const PLACES = [
  'Луганск',
  'Донецк',
  'Горловка',
  'Брянка',
  'Стаханов',
  'Макеевка',
  'Ровеньки',
  'Алчевск',
  'Зайцево',
  'Кременная',
];
const WORDS = (
  'родственники командование рота батальон штурм отказ рапорт прокуратура комитет обращение ответ письмо ' +
  'подвал яма лагерь блиндаж угрозы расстрел голод избиение связь телефон адвокат суд мобилизация отсрочка ' +
  'завод бронь контракт увольнение ранение госпиталь отпуск эвакуация обмен плен дезертирство розыск часть ' +
  'полигон база казарма сослуживцы жена мать сестра брат отец видео обращение канал правозащитники омбудсмен'
).split(' ');

/** A channel of `count` posts, each a short report of its own (no two alike, as a channel's news). */
function channelOfSize(count: number): RawTelegramChat {
  const rnd = random(count);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  return {
    name: 'Bench channel',
    type: 'public_channel',
    id: 1_000_000 + count,
    messages: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      date: new Date(Date.UTC(2024, 0, 1) + i * 600_000).toISOString().slice(0, 19),
      from: 'Bench channel',
      text: [
        { type: 'bold', text: `${2 + Math.floor(rnd() * 40)} мобилизованных` },
        ` удерживают в районе ${pick(PLACES)} с ${1 + Math.floor(rnd() * 28)} января. `,
        Array.from({ length: 30 }, () => pick(WORDS)).join(' '),
        '.',
      ],
    })),
  };
}

export interface TelegramBenchOptions {
  engine: Engine;
  /** Posts in the channel export. */
  messages: number;
  pgUrl: string;
  log: (line: string) => void;
}

/**
 * A zipped channel export of `messages` distinct posts imported into an empty database (messages
 * imported per second, the zip read and parsed included), then its extraction jobs run here
 * (drafts per second).
 */
export async function benchTelegram({
  engine,
  messages,
  pgUrl,
  log,
}: TelegramBenchOptions): Promise<BenchRow[]> {
  const database = await freshDatabase(engine, pgUrl);
  const app = await openApp(database.url, { key: TEST_KEY, settings: TEST_SETTINGS });
  try {
    const zip = telegramZip(channelOfSize(messages));
    const limits = { ...telegramLimitsFrom({}), maxMessages: Math.max(messages, 1) };
    log(`${engine}: importing a ${messages}-post channel export…`);
    let t = performance.now();
    const summary = await importTelegram({
      ctx: app.ctx,
      actor: { id: 'bench:telegram' },
      files: zipExportFiles(zip, limits),
      limits,
      options: { username: 'bench_channel' },
    });
    const importSeconds = (performance.now() - t) / 1000;
    log(`${engine}: ${summary.sources} sources; running their extraction…`);
    t = performance.now();
    const drafts = await app.ctx.jobs.drain(draftJobHandler(app.ctx));
    const draftSeconds = (performance.now() - t) / 1000;
    return [
      {
        engine,
        metric: `Telegram import, ${messages}-post channel export`,
        unit: 'messages/s',
        vigil: summary.messages.new / importSeconds,
      },
      { engine, metric: `drafts of those ${drafts} posts`, unit: 'drafts/s', vigil: drafts / draftSeconds },
    ];
  } finally {
    await app.close();
    await database.drop();
  }
}
