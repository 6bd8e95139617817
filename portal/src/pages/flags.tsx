import { useMemo, useRef, useState } from 'preact/hooks';
import { Checks, ConfirmButton, Said } from '../components/admin';
import { Empty, ErrorNotice, Field, Loading, Page, UserErrors, value } from '../components/ui';
import {
  DeleteFeatureFlagDocument,
  FeatureFlagsDocument,
  FlagTargetsDocument,
  SaveFeatureFlagDocument,
  type ChannelTier,
  type FeatureFlagsQuery,
} from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';

type Flag = FeatureFlagsQuery['featureFlags'][number];
const TIERS: ChannelTier[] = ['GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER'];

interface Draft {
  key: string;
  description: string;
  everyone: boolean;
  tiers: ChannelTier[];
  regions: string[];
  otherRegions: string;
  accounts: string[];
}

const blank: Draft = {
  key: '',
  description: '',
  everyone: false,
  tiers: [],
  regions: [],
  otherRegions: '',
  accounts: [],
};

/**
 * The brand's feature flags (its ADMIN users): who each is on for, a new
 * flag or an edit with its targeting (everyone, tiers, regions, partners),
 * and deleting one. Every change lands in the audit log.
 */
export default function Flags() {
  const { t, l, lang } = useMessages(ADMIN);
  const { me } = useApp();
  const flags = useQuery(FeatureFlagsDocument, {});
  const targets = useQuery(FlagTargetsDocument, { accountId: me!.account.id });
  const save = useMutation(SaveFeatureFlagDocument);
  const remove = useMutation(DeleteFeatureFlagDocument);
  const [draft, setDraft] = useState<Draft>(blank);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [note, setNote] = useState('');
  const form = useRef<HTMLFormElement>(null);

  const territory = targets.data?.account?.territory ?? [];
  const regionCodes = useMemo(() => new Set(territory.map((r) => r.code)), [territory]);
  const partners = useMemo(() => {
    const all = [...(targets.data?.agents.nodes ?? []), ...(targets.data?.distributors.nodes ?? [])];
    // Accounts a flag already names (a retailer, say) stay on the list while it is edited.
    for (const f of flags.data?.featureFlags ?? [])
      if (f.key === editing) for (const a of f.accounts) if (!all.some((p) => p.id === a.id)) all.push(a);
    return all;
  }, [targets.data, flags.data, editing]);
  const nameOf = useMemo(() => new Map(partners.map((p) => [p.id, `${p.name} (${l(p.tier)})`])), [partners, l]);

  function edit(f: Flag) {
    setEditing(f.key);
    setErrors([]);
    setNote('');
    const codes = f.regions.map((r) => r.code);
    setDraft({
      key: f.key,
      description: f.description ?? '',
      everyone: f.everyone,
      tiers: [...f.tiers],
      regions: codes.filter((c) => regionCodes.has(c)),
      otherRegions: codes.filter((c) => !regionCodes.has(c)).join(', '),
      accounts: f.accounts.map((a) => a.id),
    });
    form.current?.querySelector<HTMLElement>('h2')?.focus();
  }
  function reset() {
    setEditing(null);
    setDraft(blank);
  }

  async function submit(e: Event) {
    e.preventDefault();
    setNote('');
    const other = draft.otherRegions.split(/[\s,，]+/).filter(Boolean);
    const r = await save.run({
      input: {
        key: draft.key.trim(),
        description: draft.description.trim() || null,
        everyone: draft.everyone,
        tiers: draft.tiers,
        regionCodes: [...draft.regions, ...other],
        accountIds: draft.accounts,
      },
    });
    if (!r.ok) return;
    const p = r.data.saveFeatureFlag;
    setErrors(p.userErrors);
    if (p.userErrors.length) return;
    setNote(t('flagSaved', { key: p.flag!.key }));
    reset();
    flags.reload();
  }
  async function doDelete(key: string) {
    setNote('');
    const r = await remove.run({ key });
    if (!r.ok) return;
    setErrors(r.data.deleteFeatureFlag.userErrors);
    if (!r.data.deleteFeatureFlag.userErrors.length) setNote(t('flagDeleted', { key }));
    if (editing === key) reset();
    flags.reload();
  }

  const list = flags.data?.featureFlags ?? [];
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  return (
    <Page title={t('navFlags')}>
      <p class="muted">{t('flagsHelp')}</p>
      <ErrorNotice error={flags.error ?? targets.error} onRetry={() => (flags.reload(), targets.reload())} />
      <ErrorNotice error={save.error ?? remove.error} />
      <Said text={note} />
      {flags.loading && !flags.data ? <Loading /> : null}
      {flags.data && !list.length ? <Empty /> : null}
      {list.length ? (
        <table class="list">
          <caption class="sr-only">{t('navFlags')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flagKey')}</th>
              <th scope="col">{t('onFor')}</th>
              <th scope="col">{t('updated')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((f) => {
              const on = [
                f.everyone ? t('everyone') : '',
                ...f.tiers.map(l),
                ...f.regions.map((r) => r.name),
                ...f.accounts.map((a) => a.name),
              ].filter(Boolean);
              return (
                <tr key={f.id} data-flag={f.key} data-everyone={String(f.everyone)}>
                  <th scope="row">
                    <code>{f.key}</code>
                    {f.description ? <div class="muted small">{f.description}</div> : null}
                  </th>
                  <td data-label={t('onFor')}>{on.length ? on.join('、') : t('nobody')}</td>
                  <td data-label={t('updated')}>{dateTime(lang, f.updatedAt)}</td>
                  <td>
                    <div class="actions">
                      <button type="button" onClick={() => edit(f)}>
                        {t('edit')} <span class="sr-only">{f.key}</span>
                      </button>
                      <ConfirmButton
                        label={t('deleteEndpoint')}
                        what={t('deleteFlag', { key: f.key })}
                        danger
                        busy={remove.busy}
                        onConfirm={() => void doDelete(f.key)}
                      />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <form class="card" ref={form} onSubmit={submit} aria-labelledby="flag-form-title">
        <h2 id="flag-form-title" tabIndex={-1}>
          {editing ? t('editFlag', { key: editing }) : t('newFlag')}
        </h2>
        <UserErrors errors={errors} />
        <div class="actions">
          <Field id="flag-key" label={t('flagKey')}>
            <input
              id="flag-key"
              required
              maxLength={63}
              pattern="[a-z0-9]([a-z0-9._]|-)*"
              placeholder={t('flagHint')}
              readOnly={!!editing}
              value={draft.key}
              onInput={(e) => set({ key: value(e) })}
            />
          </Field>
          <Field id="flag-description" label={t('webhookDescription')}>
            <input
              id="flag-description"
              maxLength={500}
              value={draft.description}
              onInput={(e) => set({ description: value(e) })}
            />
          </Field>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.everyone}
            onChange={(e) => set({ everyone: e.currentTarget.checked })}
          />{' '}
          {t('everyone')}
        </label>
        <Checks
          legend={t('tiers')}
          name="flag-tiers"
          options={TIERS}
          value={draft.tiers}
          onChange={(tiers) => set({ tiers })}
        />
        <Checks
          legend={t('regions')}
          name="flag-regions"
          options={territory.map((r) => r.code)}
          value={draft.regions}
          onChange={(regions) => set({ regions })}
          label={(c) => territory.find((r) => r.code === c)?.name ?? c}
        />
        <Field id="flag-other-regions" label={t('otherRegions')} hint={t('otherRegionsHint')}>
          <input
            id="flag-other-regions"
            maxLength={500}
            inputMode="numeric"
            aria-describedby="flag-other-regions-hint"
            value={draft.otherRegions}
            onInput={(e) => set({ otherRegions: value(e) })}
          />
        </Field>
        <Checks
          legend={t('partners')}
          name="flag-partners"
          options={partners.map((p) => p.id)}
          value={draft.accounts}
          onChange={(accounts) => set({ accounts })}
          label={(id) => nameOf.get(id) ?? id}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>
            {t('save')}
          </button>
          {editing ? (
            <button type="button" onClick={reset}>
              {t('cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </Page>
  );
}
