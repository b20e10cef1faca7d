import { type FormEvent, useState } from 'react';
import { INTERVENTION_CHANNELS, INTERVENTION_KINDS } from '../../../../src/domain/record-vocabularies';
import { APPEAL_SENDERS } from '../../../../src/domain/vocabularies';
import { api } from '../../api/client';
import type { DeadlineRule, Intervention, Recipient } from '../../api/types';
import { ErrorMessage, Loaded } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-api';

const OTHER = '';

/** The directory and the legal terms, read once for the form. */
function useAppealData() {
  return useLoad(async (signal) => {
    const [recipients, rules] = await Promise.all([
      api<{ items: Recipient[] }>('GET', '/api/recipients', { signal }),
      api<{ items: DeadlineRule[] }>('GET', '/api/deadline-rules', { signal }),
    ]);
    return { recipients: recipients.items, rules: rules.items };
  }, []);
}

/**
 * A new appeal on a case, as a draft: to a body of the directory (whose legal terms it offers) or
 * any other recipient, of a kind, from a sender, about some of the case's persons.
 */
export function NewAppeal({
  caseId,
  persons,
  onCreated,
  onCancel,
}: {
  caseId: string;
  persons: Array<{ id: string; label: string; role: string }>;
  onCreated: () => void;
  onCancel: () => void;
}) {
  const data = useAppealData();
  return (
    <Loaded load={data}>
      {(d) => (
        <AppealForm {...d} caseId={caseId} persons={persons} onCreated={onCreated} onCancel={onCancel} />
      )}
    </Loaded>
  );
}

function AppealForm({
  recipients,
  rules,
  caseId,
  persons,
  onCreated,
  onCancel,
}: {
  recipients: Recipient[];
  rules: DeadlineRule[];
  caseId: string;
  persons: Array<{ id: string; label: string; role: string }>;
  onCreated: () => void;
  onCancel: () => void;
}) {
  const { t, label, lang } = useI18n();
  const nameOf = (v: { ru: string; en: string }) => (lang === 'en' ? v.en : v.ru);
  const [recipientId, setRecipientId] = useState(recipients[0]?.id ?? OTHER);
  const [recipientName, setRecipientName] = useState('');
  const [kind, setKind] = useState('inquiry');
  const [senderKind, setSenderKind] = useState('relatives');
  const [channel, setChannel] = useState('');
  const recipient = recipients.find((r) => r.id === recipientId);
  const offered = recipient ? rules.filter((r) => recipient.deadlineRuleIds.includes(r.id)) : rules;
  const [rule, setRule] = useState(recipient?.deadlineRuleIds[0] ?? '');
  const [chosen, setChosen] = useState<string[]>(persons.filter((p) => p.role === 'victim').map((p) => p.id));
  const [notes, setNotes] = useState('');
  const create = useAction();
  const pickRecipient = (id: string) => {
    setRecipientId(id);
    const next = recipients.find((r) => r.id === id);
    setRule(next ? (next.deadlineRuleIds[0] ?? '') : '');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      caseId,
      status: 'draft',
      recipientName: recipient ? nameOf(recipient.name) : recipientName.trim(),
      ...(recipient ? { recipientId: recipient.id } : {}),
      kind,
      senderKind,
      ...(channel ? { channel } : {}),
      ...(rule ? { deadlineRule: rule } : {}),
      ...(chosen.length ? { personIds: chosen } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    const done = await create.run(() => api<Intervention>('POST', '/api/interventions', { body }));
    if (done) onCreated();
  };
  return (
    <form className="sub-form" onSubmit={submit} aria-labelledby="new-appeal-title">
      <h3 id="new-appeal-title">{t('appeal.new')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="appeal-recipient">{t('appeal.recipient')}</label>
          <select id="appeal-recipient" value={recipientId} onChange={(e) => pickRecipient(e.target.value)}>
            {recipients.map((r) => (
              <option key={r.id} value={r.id}>
                {nameOf(r.name)}
              </option>
            ))}
            <option value={OTHER}>{t('appeal.otherRecipient')}</option>
          </select>
        </div>
        {!recipient && (
          <div className="field">
            <label htmlFor="appeal-recipient-name">
              {t('appeal.recipientName')} <span className="required">{t('form.required')}</span>
            </label>
            <input
              id="appeal-recipient-name"
              required
              maxLength={500}
              value={recipientName}
              onChange={(e) => setRecipientName(e.target.value)}
            />
          </div>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="appeal-kind">{t('appeal.kind')}</label>
          <select id="appeal-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {INTERVENTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {label('appealKind', k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="appeal-sender">{t('appeal.sender')}</label>
          <select id="appeal-sender" value={senderKind} onChange={(e) => setSenderKind(e.target.value)}>
            {APPEAL_SENDERS.map((s) => (
              <option key={s} value={s}>
                {label('appealSender', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="appeal-channel">{t('appeal.channel')}</label>
          <select id="appeal-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('appeal.channelUnknown')}</option>
            {INTERVENTION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {label('appealChannel', c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="appeal-rule">{t('appeal.rule')}</label>
        <select
          id="appeal-rule"
          value={rule}
          onChange={(e) => setRule(e.target.value)}
          aria-describedby="appeal-rule-hint"
        >
          <option value="">{t('appeal.noRule')}</option>
          {offered.map((r) => (
            <option key={r.id} value={r.id}>
              {nameOf(r.label)} ({r.citation})
            </option>
          ))}
        </select>
        <span className="hint" id="appeal-rule-hint">
          {t('appeal.ruleHint')}
        </span>
      </div>
      {persons.length > 0 && (
        <fieldset>
          <legend>{t('appeal.persons')}</legend>
          {persons.map((p) => (
            <label key={p.id} className="facet">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={() =>
                  setChosen(chosen.includes(p.id) ? chosen.filter((x) => x !== p.id) : [...chosen, p.id])
                }
              />{' '}
              {p.label} <span className="muted">({label('involvementRole', p.role)})</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="appeal-notes">{t('appeal.notes')}</label>
        <textarea
          id="appeal-notes"
          rows={3}
          maxLength={100_000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      {create.error !== undefined && <ErrorMessage error={create.error} />}
      <div className="buttons">
        <button type="submit" className="primary" disabled={create.busy}>
          {create.busy ? t('status.working') : t('appeal.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
