import { Loader, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import type { Incident, Phase } from '../../api/types';
import { useMeta } from '../../meta/useMeta';
import { PHASE_ORDER } from './phases';
import { TransitionDialog } from './TransitionDialog';
import { useTransition } from './useTransition';

/**
 * The life cycle as a row of buttons; the current phase carries aria-current="step". A click on the
 * next or an earlier phase moves there at once; skipping ahead asks why, and closing asks how it ended.
 */
export function PhaseStepper({ incident, canMove }: { incident: Incident; canMove: boolean }) {
  const meta = useMeta();
  const transition = useTransition(incident.id);
  const [target, setTarget] = useState<Phase | null>(null);
  const current = PHASE_ORDER.indexOf(incident.phase);

  const choose = (to: Phase) => {
    const index = PHASE_ORDER.indexOf(to);
    if (index === current || transition.isPending) return;
    if (to === 'closed' || index > current + 1) {
      setTarget(to);
      return;
    }
    transition.mutate(
      { to },
      {
        onError: (error) =>
          notifications.show({ color: 'red', title: `Could not move to ${meta.label('phases', to)}`, message: error instanceof ApiProblem ? error.detail : String(error) }),
      },
    );
  };

  return (
    <>
      <ol className="phase-stepper" aria-label="Phase">
        {PHASE_ORDER.map((phase, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'ahead';
          return (
            <li key={phase}>
              <UnstyledButton
                className="phase-step"
                data-state={state}
                aria-current={state === 'current' ? 'step' : undefined}
                aria-busy={transition.isPending && transition.variables?.to === phase}
                disabled={!canMove}
                onClick={() => choose(phase)}
                title={canMove && state !== 'current' ? `Move to ${meta.label('phases', phase)}` : undefined}
              >
                <span className="phase-step-marker" aria-hidden>
                  {state === 'done' ? <IconCheck size={12} stroke={3} /> : index + 1}
                </span>
                {meta.label('phases', phase)}
                {transition.isPending && transition.variables?.to === phase && <Loader size={10} ml={6} aria-hidden />}
              </UnstyledButton>
            </li>
          );
        })}
      </ol>
      {target && <TransitionDialog incident={incident} to={target} onClose={() => setTarget(null)} />}
    </>
  );
}
