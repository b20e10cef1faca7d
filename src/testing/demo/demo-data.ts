import type { AppContext } from '../../app/context.js';
import { applyDraft } from '../../app/drafts/draft-applier.js';
import { draftJobHandler } from '../../app/drafts/draft-creator.js';
import { ingestSource } from '../../app/ingest/source-ingester.js';
import { submitIntake } from '../../app/intake/intake-submitter.js';
import { createRecord } from '../../app/records/record-creator.js';
import type { CollectionName } from '../../domain/collections.js';
import { ingestRows } from '../../store/ingest-rows.js';

const actor = { id: 'demo:seed' };

/**
 * Clearly invented example records for screenshots and measurements: every name, place and unit
 * here is made up (the village and base names are real places only so the map can show them).
 */
export const DEMO_REPORT =
  'Mobilized men held in a basement in Zaitseve\n\nRelatives say that 21 mobilized men who refused to fight are held in a basement ' +
  'in the village of Zaitseve in Luhansk region. Alexei Kashin, 34, is among them. The men get no food. ' +
  'According to the relatives, the company commander threatened them with a firing squad. ' +
  "Kashin's wife Elena Kashina wrote to the Investigative Committee and has had no reply.\n";

/** Seeds the demo: an applied report (a case with a chronology), a second site, a pending draft, an intake. */
export async function seedDemo(
  ctx: AppContext,
): Promise<{ caseId: string; personId: string; draftId: string }> {
  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx, actor, collection, input })).id;
  const { source } = await ingestSource({
    ctx,
    actor,
    bytes: Buffer.from(DEMO_REPORT),
    hints: { outlet: 'Example Herald (invented)', published: '2024-03-01', language: 'en' },
  });
  await ctx.jobs.drain(draftJobHandler(ctx));
  const row = await ingestRows.draftOfSource(ctx.store.handle.db, source.id);
  if (!row) throw new Error('demo: no draft');
  const applied = await applyDraft({ ctx, actor, draftId: row.id, acceptPending: true });
  const caseId = String(applied.result?.caseId);
  const kashin = (applied.result?.created.persons ?? [])[0];
  await create('interventions', {
    caseId,
    recipientName: 'Main Military Prosecutor’s Office',
    senderKind: 'relatives',
    kind: 'inquiry',
    status: 'sent',
    sentOn: '2024-03-04',
    deadlineRule: 'fz59_answer',
  });
  const other = await create('cases', {
    title: 'Refusers held at a training ground near Svatove (example)',
    status: 'monitoring',
    // Public, so the public page shows its site (with the count withheld: four is under the threshold).
    confidentiality: 'public',
  });
  const site = await create('places', {
    name: 'Svatove training ground',
    kind: 'detention_facility',
    region: 'Luhansk',
    country: 'UA',
    lat: 49.41,
    lon: 38.16,
  });
  const victims = [];
  for (const name of ['Ivan Examplenko', 'Pyotr Demidov', 'Сергей Пробный', 'Олег Тестов'])
    victims.push(await create('persons', { names: [{ value: name }] }));
  for (const personId of victims) await create('involvements', { caseId: other, personId, role: 'victim' });
  for (const type of ['arbitrary_detention', 'denial_of_food'])
    await create('acts', {
      caseId: other,
      type,
      status: 'alleged',
      placeId: site,
      victimIds: victims,
      dateFrom: '2024-02',
    });
  const { source: pendingSource } = await ingestSource({
    ctx,
    actor,
    bytes: Buffer.from(
      'Отказников держат в подвале в Зайцеве\n\nМобилизованный Алексей Кашин, 34 года, рассказал, что его и ещё 20 человек ' +
        'удерживают в подвале в селе Зайцево Луганской области. Командир угрожал им расстрелом.\n',
    ),
    hints: { outlet: 'Пример-медиа (вымышленное)', published: '2024-03-03' },
  });
  await ctx.jobs.drain(draftJobHandler(ctx));
  const pending = await ingestRows.draftOfSource(ctx.store.handle.db, pendingSource.id);
  await submitIntake({
    ctx,
    input: {
      personName: 'Громов Сергей Андреевич (пример)',
      lastKnownPlace: 'Зайцево',
      unit: 'в/ч 00000 (вымышленная)',
      whatHappened: 'Пример обращения: держат в подвале с марта, угрожают расстрелом.',
      contact: { name: 'Мария (пример)', phone: '+7 000 000-00-00' },
      consent: true,
    },
  });
  return { caseId, personId: String(kashin), draftId: String(pending?.id) };
}
