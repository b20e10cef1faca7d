import { type FormEvent, useState } from 'react';
import type { DraftItem } from '../../api/types';
import { MatchReasons } from '../../components/match-reasons';
import { useI18n } from '../../i18n/i18n';
import { EDITABLE, ENTITY_KINDS, MATCHED_ONLY_KINDS, REPLY_FACTS } from './item-fields';

export interface DecisionInput {
  decision: 'accept' | 'edit' | 'reject';
  value?: Record<string, unknown>;
  matchId?: string;
  createNew?: boolean;
}

function itemValue(item: DraftItem): Record<string, unknown> {
  return { ...item.proposed, ...(item.value ?? {}) };
}

/** Items decided by naming a record: entities, and replies (the appeal they answer, never a new one). */
function isEntity(item: DraftItem): boolean {
  return ENTITY_KINDS.has(item.kind) || MATCHED_ONLY_KINDS.has(item.kind);
}

/** The record an item is taken as unless the reviewer picks another: his choice, else Vigil's. */
function chosenRecord(item: DraftItem): string {
  return item.createNew
    ? 'new'
    : (item.matchId ??
        (item.suggestion.createNew ? 'new' : item.suggestion.matchId) ??
        (MATCHED_ONLY_KINDS.has(item.kind) ? item.candidates[0]?.id : undefined) ??
        'new');
}

/** What a decision says of the record: a match, a new record, or (for a reply without one) nothing. */
function targetOf(item: DraftItem, match: string): Pick<DecisionInput, 'matchId' | 'createNew'> {
  if (!isEntity(item)) return {};
  if (match !== 'new') return { matchId: match };
  return MATCHED_ONLY_KINDS.has(item.kind) ? {} : { createNew: true };
}

/** What accepting the item as it stands decides: the record chosen or suggested. */
export function acceptAsSuggested(item: DraftItem): DecisionInput {
  return { decision: 'accept', ...targetOf(item, chosenRecord(item)) };
}

/** The item's value in words: its main field, translated where it is a vocabulary term. */
export function ItemSummary({ item }: { item: DraftItem }) {
  const { t, label, lang } = useI18n();
  const v = itemValue(item);
  const facts = item.kind === 'reply' ? REPLY_FACTS.map((name) => ({ name, group: undefined })) : [];
  const fields = [...(EDITABLE[item.kind] ?? []), ...facts];
  // Which of several villages of the name was kept, and why; moot once the reviewer set the region.
  const namesake = item.proposed.namesake as { detail: string; namesakes: number } | undefined;
  const settled =
    namesake && (item.value?.region === undefined || item.value.region === item.proposed.region);
  return (
    <dl className="item-values">
      {fields
        .filter((f) => v[f.name] !== undefined && v[f.name] !== null && v[f.name] !== '')
        .map((f) => (
          <div key={f.name}>
            <dt>{label('field', f.name)}</dt>
            <dd>{f.group ? label(f.group, String(v[f.name])) : String(v[f.name])}</dd>
          </div>
        ))}
      {settled && (
        <div>
          <dt>{t('draft.namesake')}</dt>
          <dd>
            {t('draft.namesakeKept', { count: namesake.namesakes })}
            {lang === 'en' && <span className="muted"> ({namesake.detail})</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** One extracted item: where it is, what it says, and the reviewer's decision. */
export function ItemCard({
  item,
  selected,
  readOnly,
  busy,
  onSelect,
  onDecide,
}: {
  item: DraftItem;
  selected: boolean;
  readOnly: boolean;
  busy: boolean;
  onSelect: () => void;
  onDecide: (input: DecisionInput) => void;
}) {
  const { t, label, number } = useI18n();
  const [editing, setEditing] = useState(false);
  const matchedOnly = MATCHED_ONLY_KINDS.has(item.kind);
  const entity = isEntity(item);
  const [match, setMatch] = useState<string>(() => chosenRecord(item));
  const target = targetOf(item, match);
  const fields = EDITABLE[item.kind] ?? [];
  const [draftValue, setDraftValue] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((f) => [
        f.name,
        // A value the extraction left empty (null) edits as an empty field, not as the text "null".
        itemValue(item)[f.name] == null ? '' : String(itemValue(item)[f.name]),
      ]),
    ),
  );
  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    const value: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = draftValue[f.name]?.trim() ?? '';
      // A cleared long text (the proposed summary) is removed, not left as proposed.
      if (raw === '') {
        if (f.type === 'longtext' && item.proposed[f.name] !== undefined) value[f.name] = null;
        continue;
      }
      value[f.name] = f.type === 'number' ? Number(raw) : raw;
    }
    onDecide({ decision: 'edit', value, ...target });
    setEditing(false);
  };
  const headingId = `item-${item.id}-title`;
  return (
    <article
      className={`item-card kind-${item.kind} decision-${item.decision}${selected ? ' selected' : ''}`}
      aria-labelledby={headingId}
      data-item={item.id}
      tabIndex={-1}
    >
      <header>
        <h4 id={headingId}>
          <span className={`kind-dot kind-${item.kind}`} aria-hidden="true" /> {label('itemKind', item.kind)}
        </h4>
        <span className={`badge decision-${item.decision}`}>{label('decision', item.decision)}</span>
      </header>
      <ItemSummary item={item} />
      {item.kind === 'reply' && <ReplyEffect item={item} />}
      {item.spans.length > 0 && (
        <blockquote className="quote">
          «{item.spans[0].quote}»
          {item.spans.length > 1 && (
            <span className="muted"> {t('draft.moreSpans', { n: item.spans.length - 1 })}</span>
          )}
        </blockquote>
      )}
      {item.spans.length > 0 && (
        <button type="button" className="link-button" onClick={onSelect}>
          {t('draft.showInText')}
        </button>
      )}
      {entity && (
        <fieldset className="candidates" disabled={readOnly || busy}>
          <legend>{matchedOnly ? t('draft.replyMatch') : t('draft.match')}</legend>
          {!matchedOnly && (
            <label className="candidate">
              <input
                type="radio"
                name={`match-${item.id}`}
                value="new"
                checked={match === 'new'}
                onChange={() => setMatch('new')}
              />{' '}
              {t('draft.createNew')}
              {item.suggestion.createNew && <span className="badge suggestion">{t('draft.suggested')}</span>}
            </label>
          )}
          {item.candidates.map((c) => (
            <label key={c.id} className="candidate">
              <input
                type="radio"
                name={`match-${item.id}`}
                value={c.id}
                checked={match === c.id}
                onChange={() => setMatch(c.id)}
              />{' '}
              <span className="candidate-label">{c.label}</span>{' '}
              <span className="score">{t('draft.score', { score: number(Math.round(c.score * 100)) })}</span>
              {item.suggestion.matchId === c.id && (
                <span className="badge suggestion">{t('draft.suggested')}</span>
              )}
              <MatchReasons reasons={c.reasons} />
            </label>
          ))}
          {item.candidates.length === 0 && (
            <p className="muted">{matchedOnly ? t('draft.replyNoAppeal') : t('draft.noCandidates')}</p>
          )}
        </fieldset>
      )}
      {editing ? (
        <form className="edit-form" onSubmit={saveEdit}>
          {fields.map((f) => {
            const id = `edit-${item.id}-${f.name}`;
            return (
              <div className="field" key={f.name}>
                <label htmlFor={id}>{label('field', f.name)}</label>
                {f.type === 'choice' ? (
                  <select
                    id={id}
                    value={draftValue[f.name]}
                    onChange={(e) => setDraftValue({ ...draftValue, [f.name]: e.target.value })}
                  >
                    {(f.choices ?? []).map((c) => (
                      <option key={c} value={c}>
                        {label(f.group ?? '', c)}
                      </option>
                    ))}
                  </select>
                ) : f.type === 'longtext' ? (
                  <textarea
                    id={id}
                    rows={8}
                    maxLength={5000}
                    value={draftValue[f.name]}
                    onChange={(e) => setDraftValue({ ...draftValue, [f.name]: e.target.value })}
                  />
                ) : (
                  <input
                    id={id}
                    type={f.type === 'number' ? 'number' : 'text'}
                    maxLength={500}
                    value={draftValue[f.name]}
                    onChange={(e) => setDraftValue({ ...draftValue, [f.name]: e.target.value })}
                  />
                )}
              </div>
            );
          })}
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>
              {t('action.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : (
        !readOnly && (
          <div className="buttons">
            <button
              type="button"
              className="accept"
              disabled={busy}
              onClick={() => onDecide({ decision: 'accept', ...target })}
            >
              {t('draft.accept')}
            </button>
            {fields.length > 0 && (
              <button type="button" className="edit" disabled={busy} onClick={() => setEditing(true)}>
                {t('draft.edit')}
              </button>
            )}
            <button
              type="button"
              className="reject"
              disabled={busy}
              onClick={() => onDecide({ decision: 'reject' })}
            >
              {t('draft.reject')}
            </button>
          </div>
        )
      )}
    </article>
  );
}

/**
 * What applying a reply does to the appeal it answers, in the law's terms, so the reviewer
 * confirms the legal effect and not only the fields.
 */
function ReplyEffect({ item }: { item: DraftItem }) {
  const { t, date } = useI18n();
  const v = itemValue(item);
  const outcome = String(v.outcome);
  const day = (key: string) => (typeof v[key] === 'string' ? date(String(v[key])) : '—');
  const effects: Record<string, string> = {
    answered: t('draft.replyEffect.answered', { date: day('date') }),
    other: t('draft.replyEffect.answered', { date: day('date') }),
    forwarded: t('draft.replyEffect.forwarded', { date: day('date'), body: String(v.forwardedTo ?? '—') }),
    extended: v.newDeadline
      ? t('draft.replyEffect.extendedTo', { date: day('newDeadline') })
      : t('draft.replyEffect.extended'),
    refused: t('draft.replyEffect.refused', { date: day('date') }),
    check_under_way: t('draft.replyEffect.checkUnderWay'),
  };
  return (
    <p className="reply-effect" data-outcome={outcome}>
      <strong>{t('draft.replyEffectTitle')}</strong> {effects[outcome] ?? effects.answered}
    </p>
  );
}
