/**
 * The sidebar: one round trip to open, then the panel chosen (Decisions, Meetings, and Consultations
 * for the secretariat), each with its own state over the same data, read again after a save.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../src/domain/errors';
import { t, type MessageKey } from '../../src/domain/i18n';
import type { DecisionDraft } from '../../src/domain/rpc';
import { ConsultationPanel } from '../consultations/ConsultationPanel';
import { DecisionPanel } from '../decisions/DecisionPanel';
import { ERROR_NOTICE, StatusLine } from '../lib/ui';
import { MeetingPanel } from '../meetings/MeetingPanel';
import { fetchState, type SidebarState } from './state';

const PANELS = ['Decisions', 'Meetings', 'Consultations'] as const;
type Panel = (typeof PANELS)[number];

export const PANEL_NAMES: Readonly<Record<Panel, MessageKey>> = {
  Decisions: 'sidebar.panel.decisions',
  Meetings: 'sidebar.panel.meetings',
  Consultations: 'sidebar.panel.consultations',
};

export function Sidebar() {
  const [state, setState] = useState<SidebarState | null>(null);
  const [failure, setFailure] = useState('');
  const [panel, setPanel] = useState<Panel>('Decisions');
  const [draft, setDraft] = useState<{ value: DecisionDraft } | null>(null);
  useEffect(() => {
    fetchState().then(setState, (error: unknown) =>
      setFailure(t('sidebar.app.open-failed', { error: errorText(error) })),
    );
  }, []);
  const reload = async () => {
    const next = await fetchState();
    setState(next);
    return next;
  };
  const data = state?.data;
  const panels = PANELS.filter((p) => p !== 'Consultations' || data?.user.mayRecord === true);
  return (
    <main id="app" aria-busy={state === null && failure === '' ? 'true' : 'false'}>
      <header class="head">
        <h1>{t('sidebar.page.decision-sidebar')}</h1>
        <p id="network" class="muted">
          {data?.networkName ?? ''}
        </p>
        <p id="automation" class="muted small">
          {data?.automation.join(' ') ?? ''}
        </p>
      </header>
      <p id="loading" class="muted" hidden={state !== null || failure !== ''}>
        {t('sidebar.app.loading')}
      </p>
      {failure !== '' && <StatusLine id="status" notice={{ kind: 'error', text: failure }} />}
      {state !== null && (
        <>
          <div id="refusal" class={ERROR_NOTICE} role="alert" hidden={state.data.user.mayRecord}>
            {state.data.user.mayRecord ? '' : t('sidebar.app.read-only', { refusal: state.data.user.refusal })}
          </div>
          <nav id="panels" class="panels">
            {panels.map((p) => (
              <button
                key={p}
                type="button"
                id={`tab-${p.toLowerCase()}`}
                aria-pressed={panel === p ? 'true' : 'false'}
                onClick={() => setPanel(p)}
              >
                {t(PANEL_NAMES[p])}
              </button>
            ))}
          </nav>
          <DecisionPanel state={state} hidden={panel !== 'Decisions'} draft={draft} reload={reload} />
          <MeetingPanel state={state} hidden={panel !== 'Meetings'} reload={reload} />
          {panels.includes('Consultations') && (
            <ConsultationPanel
              hidden={panel !== 'Consultations'}
              today={state.data.today}
              onDraft={(value) => {
                setDraft({ value });
                setPanel('Decisions');
              }}
            />
          )}
        </>
      )}
    </main>
  );
}
