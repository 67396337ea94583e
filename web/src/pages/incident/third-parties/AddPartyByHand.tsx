import { Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { KIND_LABELS, THIRD_PARTY_KINDS, type NewEngagement, type ThirdPartyKind } from './types';

/** For help the plan does not list: a kind, a name, the contract, and whether it runs under privilege. */
export function AddPartyByHand({ busy, onAdd }: { busy: boolean; onAdd: (input: NewEngagement) => Promise<unknown> }) {
  const [kind, setKind] = useState<ThirdPartyKind>('forensics');
  const [name, setName] = useState('');
  const [contract, setContract] = useState('');
  const [privileged, setPrivileged] = useState(false);
  const submit = async () => {
    await onAdd({ kind, name: name.trim(), contract_reference: contract.trim(), privileged });
    setName('');
    setContract('');
    setPrivileged(false);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) void submit().catch(() => undefined);
      }}
    >
      <Group align="flex-end" gap="sm">
        <NativeSelect label="Kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ThirdPartyKind)} data={THIRD_PARTY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} placeholder="e.g. Sleuth Forensics" />
        <TextInput label="Contract or policy" value={contract} onChange={(e) => setContract(e.currentTarget.value)} maxLength={200} />
        <Checkbox label="Under legal privilege" checked={privileged} onChange={(e) => setPrivileged(e.currentTarget.checked)} mb={8} />
        <Button type="submit" variant="default" loading={busy} disabled={!name.trim()}>
          Add party
        </Button>
      </Group>
    </form>
  );
}
