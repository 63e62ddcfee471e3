/** One consultation's proposal as the members read it: what is asked, by when, and what silence means. */
import { longDay } from '../../src/domain/email/render';
import { t } from '../../src/domain/i18n';
import type { ConsultationView } from '../../src/domain/rpc';

/** What the kind of consultation asks of each member, and what silence counts as. */
export function kindNote(c: Pick<ConsultationView, 'kind' | 'deadline'>): string {
  const deadline = longDay(c.deadline);
  return c.kind === 'No objection'
    ? t('sidebar.consultations.note.no-objection', { deadline })
    : t('sidebar.consultations.note.approval', { deadline });
}

/** Only a web address becomes a link; anything else in the cell stays text. */
function webAddress(text: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(text);
}

export function Proposal({ c, id }: { c: ConsultationView; id: string }) {
  return (
    <section class="proposal" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{`${c.id} · ${c.title}`}</h2>
      <p class="muted small">{kindNote(c)}</p>
      {c.subject !== '' && <p class="small">{t('sidebar.consultations.admission', { agency: c.subject })}</p>}
      <p class="text">{c.proposal}</p>
      {c.proposalLink !== '' &&
        (webAddress(c.proposalLink) ? (
          <p class="small">
            <a href={c.proposalLink} target="_blank" rel="noopener noreferrer">
              {c.proposalLink}
            </a>
          </p>
        ) : (
          <p class="small">{c.proposalLink}</p>
        ))}
    </section>
  );
}
