/** "Withdraw": a reason for the members' notice, then one confirmation; nothing happens on the first click. */
import { useState } from 'preact/hooks';
import { t } from '../../src/domain/i18n';
import { TEXT_LIMITS } from '../../src/domain/rpc';
import { useFocus, valueOf } from '../lib/ui';

export function Withdraw(props: { id: string; busy: boolean; onWithdraw(reason: string): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const focus = useFocus();
  const field = `withdraw-${props.id}`;
  if (!asking)
    return (
      <button
        type="button"
        class="link"
        data-withdraw={props.id}
        disabled={props.busy}
        onClick={() => {
          setAsking(true);
          focus(`#${field}`);
        }}
      >
        {t('sidebar.withdraw.start', { id: props.id })}
      </button>
    );
  return (
    <div class="withdraw">
      <label for={field}>{t('sidebar.withdraw.reason')}</label>
      <input
        type="text"
        id={field}
        maxLength={TEXT_LIMITS.title}
        value={reason}
        onInput={(e) => setReason(valueOf(e))}
      />
      <div class="links">
        <button
          type="button"
          class="link"
          data-confirm-withdraw={props.id}
          disabled={props.busy}
          onClick={() => props.onWithdraw(reason.trim())}
        >
          {t('sidebar.withdraw.confirm', { id: props.id })}
        </button>
        <button type="button" class="link" onClick={() => setAsking(false)}>
          {t('sidebar.withdraw.keep')}
        </button>
      </div>
    </div>
  );
}
