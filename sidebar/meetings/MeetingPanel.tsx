/**
 * The Meetings panel: plan a meeting, then record its agenda, attendance, minutes link and approval
 * in place, with what the ToR asks next from the settings the check uses. The server refuses a change
 * made over someone else's, and the panel then shows the meeting as it stands.
 */
import { useState } from 'preact/hooks';
import { errorText } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
import { parseMeetingInput, unchangedMessage, type MeetingFieldError, type SavedMeeting } from '../../src/domain/rpc';
import { savedMeetingOf, type SidebarState } from '../app/state';
import { call } from '../lib/rpc';
import { errorsOf, NO_NOTICE, StatusLine, useFocus, valueOf, type Errors, type Notice } from '../lib/ui';
import { valueLabel } from '../lib/values';
import { MeetingFields } from './MeetingFields';
import { controlOf, inputOf, meetingForm, type MeetingForm } from './form';

export function MeetingPanel(props: { state: SidebarState; hidden: boolean; reload(): Promise<SidebarState> }) {
  const { data, network } = props.state;
  const [current, setCurrent] = useState<SavedMeeting | null>(null);
  const [form, setForm] = useState<MeetingForm>(() => meetingForm(null, data.today));
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const focus = useFocus();
  const load = (saved: SavedMeeting | null) => {
    setCurrent(saved);
    setForm(meetingForm(saved, data.today));
  };
  const showErrors = (list: readonly MeetingFieldError[]) => {
    setErrors(errorsOf(list));
    const first = list[0] && controlOf(list[0].field);
    if (first) focus(first);
  };
  const meetings = [...network.meetings.records]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, 50);

  const submit = async (event: Event) => {
    event.preventDefault();
    setNotice(NO_NOTICE);
    const parsed = parseMeetingInput(inputOf(form, current));
    if (!parsed.ok) return showErrors(parsed.errors);
    setErrors({});
    setBusy(true);
    try {
      const result = await call('saveMeeting', parsed.value);
      const next = await props.reload();
      if (result.ok) {
        load(savedMeetingOf(next, result.id));
        setNotice({
          kind: 'ok',
          text: result.changed
            ? t('sidebar.meeting.saved', { id: result.id, row: String(result.row) })
            : unchangedMessage('Meeting', result.id),
        });
      } else {
        if (result.current) load(result.current);
        showErrors(result.errors);
      }
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="meetings-panel" aria-label={t('sidebar.panel.meetings')} hidden={props.hidden}>
      <StatusLine id="m-status-line" notice={notice} />
      <div class="field">
        <label for="m-pick">{t('sidebar.field.meeting')}</label>
        <select
          id="m-pick"
          value={current?.meeting.id ?? ''}
          onChange={(e) => load(valueOf(e) === '' ? null : savedMeetingOf(props.state, valueOf(e)))}
        >
          <option value="">{t('sidebar.meeting.new')}</option>
          {meetings.map((x) => (
            <option key={x.id} value={x.id}>
              {`${x.id} · ${x.date} · ${valueLabel('meetingStatus', x.status)}${x.title === '' ? '' : ` · ${x.title}`}`}
            </option>
          ))}
        </select>
      </div>
      <form id="mform" novalidate onSubmit={(e) => void submit(e)}>
        <fieldset id="mbody" class="plain" disabled={busy || !data.user.mayRecord}>
          <MeetingFields
            data={data}
            network={network}
            current={current}
            form={form}
            errors={errors}
            set={(change) => setForm((f) => ({ ...f, ...change }))}
          />
          <div class="error" data-error="">
            {errors[''] ?? ''}
          </div>
          <div class="actions">
            <button type="submit" class="action" id="m-submit">
              {current ? t('sidebar.meeting.save', { id: current.meeting.id }) : t('sidebar.meeting.plan')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
