/** "Withdraw": a reason for the members' notice, then one confirmation; nothing happens on the first click. */
import { useState } from 'preact/hooks';
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
        {`Withdraw ${props.id}…`}
      </button>
    );
  return (
    <div class="withdraw">
      <label for={field}>Why it is withdrawn (the notice to the members says it)</label>
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
          {`Withdraw ${props.id} and tell the members`}
        </button>
        <button type="button" class="link" onClick={() => setAsking(false)}>
          Keep it open
        </button>
      </div>
    </div>
  );
}
