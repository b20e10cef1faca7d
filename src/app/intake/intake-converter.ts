import { createHash } from 'node:crypto';
import { notFound, VigilError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { DraftItem } from '../../domain/schemas/draft.js';
import type { IntakeSubmission } from '../../domain/schemas/intake.js';
import type { Language } from '../../domain/vocabularies.js';
import { extractReport } from '../../ingest/extract-report.js';
import { fold } from '../../ingest/fold.js';
import { detectLanguage } from '../../ingest/language.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { Actor, AppContext } from '../context.js';
import { draftItemsOf } from '../drafts/draft-builder.js';
import { AccessScope } from '../policies/access-scope.js';
import { insertValidRecord } from '../records/record-creator.js';
import { intakeView, submissionAt } from './intake-reviewer.js';

export interface ConvertIntakeProps {
  ctx: AppContext;
  actor: Actor;
  id: string;
  /** the submission's version as the reviewer read it */
  version: number;
  /** attach to this existing case instead of proposing a new one */
  caseId?: string;
  scope?: AccessScope;
}

export interface ConvertedIntake {
  submission: IntakeSubmission;
  sourceId: string;
  draftId: string;
  /** the relative who reported, a person whose contacts are stored encrypted */
  reporterId: string;
}

const CONSENT_NOTE: Record<Language, string> = {
  en: 'Gave consent on the public report form on DATE to the organization storing and using this report.',
  ru: 'Дал(а) согласие в публичной форме DATE на хранение и использование этого сообщения организацией.',
  uk: 'Надав(ла) згоду в публічній формі DATE на зберігання та використання цього повідомлення організацією.',
};
const REPORTER: Record<Language, string> = {
  en: 'Relative of NAME (reported through the form)',
  ru: 'Родственник: NAME (сообщение через форму)',
  uk: 'Родич: NAME (повідомлення через форму)',
};

/**
 * Turns a relative's report from the public form into a reviewable draft in one transaction: the
 * report becomes a testimony source (the detained man's name, unit and last known place, then
 * the account, so each claim quotes it), its extraction a draft that proposes him as detainee and
 * the reporter as relative (linked to an existing case when one is given), and the reporter a
 * person whose contacts stay encrypted, with the consent given on the form noted. The
 * submission is marked handled. Nothing is written if any step fails.
 */
export async function convertIntake({
  ctx,
  actor,
  id,
  version,
  caseId,
  scope = AccessScope.system(ctx),
}: ConvertIntakeProps): Promise<ConvertedIntake> {
  if (caseId) {
    await scope.assertVisible('cases', caseId);
    const stored = await ctx.store.get('cases', caseId);
    if (!stored) throw notFound('case');
    await scope.assertWritable('cases', stored, caseId);
  }
  return ctx.store.write(actor.id, async (writer) => {
    const row = await submissionAt(writer, id, version);
    if (row.status !== 'new') throw new VigilError('conflict', 'the submission was handled already');
    const { submission: form } = intakeView(ctx, row);
    const head = [form.personName, form.unit, form.lastKnownPlace].filter((l): l is string => Boolean(l));
    const text = `${head.join('\n')}\n\n${form.whatHappened.replace(/\r\n?/g, '\n').trim()}`;
    const language: Language = detectLanguage(text);
    const received = row.received_at.slice(0, 10);

    const reporterName = form.contact.name ?? REPORTER[language].replace('NAME', form.personName);
    const source = await insertValidRecord(
      writer,
      'sources',
      {
        kind: 'testimony',
        title: form.personName,
        published: received,
        language,
        text,
        sha256: createHash('sha256').update(text).digest('hex'),
      },
      'intake',
    );
    const reporter = await insertValidRecord(
      writer,
      'persons',
      {
        names: [{ value: reporterName }],
        contacts: [
          ...(form.contact.phone ? [{ kind: 'phone', value: form.contact.phone }] : []),
          ...(form.contact.email ? [{ kind: 'email', value: form.contact.email }] : []),
          ...(form.contact.messenger ? [{ kind: 'messenger', value: form.contact.messenger }] : []),
        ],
        notes: CONSENT_NOTE[language].replace('DATE', received),
      },
      'intake',
    );

    const extraction = extractReport({
      content: text,
      mediaType: 'text/plain',
      clean: false,
      lang: language,
      published: received,
    });
    const items = draftItemsOf(extraction, form.personName).filter(
      // The form names the detained man: the extractor's own reading of that name is left out.
      (i) => !(i.kind === 'person' && fold(String(i.proposed.name)) === fold(form.personName)),
    );
    const caseItem = items.find((i) => i.kind === 'case');
    if (caseItem && caseId) Object.assign(caseItem, { matchId: caseId, decision: 'accept' });
    const nameEnd = form.personName.length;
    items.push(
      personItem(
        'intake-detainee',
        {
          name: form.personName,
          role: 'detainee',
          ...birthYear(form.birthDate),
          ...(form.unit ? { unit: form.unit } : {}),
        },
        [{ start: 0, end: nameEnd, quote: text.slice(0, nameEnd) }],
      ),
      {
        ...personItem('intake-reporter', { name: reporterName, role: 'relative' }, []),
        matchId: reporter.id,
        decision: 'accept',
      },
    );

    const draftId = newId();
    const doc = {
      language: extraction.language,
      title: extraction.title ?? null,
      published: received,
      items,
    };
    await ingestRows.insertDraft(writer.trx, {
      id: draftId,
      source_id: source.id,
      status: 'pending',
      version: 1,
      created_at: writer.now,
      updated_at: writer.now,
      doc: JSON.stringify(doc),
    });
    await writer.note({
      action: 'create',
      collection: 'drafts',
      recordId: draftId,
      before: undefined,
      after: { sourceId: source.id, items: items.length, fromIntake: id, ...(caseId ? { caseId } : {}) },
    });
    const changes = { status: 'handled', version: version + 1, handled_by: actor.id, handled_at: writer.now };
    await writer.trx.updateTable('intake_submissions').set(changes).where('id', '=', id).execute();
    await writer.note({
      action: 'review',
      collection: 'intake',
      recordId: id,
      before: { status: row.status },
      after: { status: 'handled', sourceId: source.id, draftId },
    });
    return {
      submission: intakeView(ctx, { ...row, ...changes }),
      sourceId: source.id,
      draftId,
      reporterId: reporter.id,
    };
  });
}

function personItem(id: string, proposed: Record<string, unknown>, spans: DraftItem['spans']): DraftItem {
  return { id, kind: 'person', proposed, spans, decision: 'pending' };
}

function birthYear(date: string | undefined): { birthYear?: number } {
  const year = date ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isInteger(year) ? { birthYear: year } : {};
}
