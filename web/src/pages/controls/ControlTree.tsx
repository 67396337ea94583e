import { ActionIcon, Anchor, Group, Progress, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useListSelection } from '../../keyboard/useListSelection';
import { ImplementationBadge, NextTest } from './badges';
import { buildControlTree, formatEffectiveness, testDue, visibleRows } from './controlTree';
import { useOwnerName } from './queries';
import { MATURITY_LABELS, type Control } from './types';

/**
 * A catalog's controls as a tree by family and parent, with the organisation's state of each: status,
 * effectiveness, maturity, owner and next test (an overdue test stands out). `j`/`k` and Enter work.
 */
export function ControlTree({ controls }: { controls: Control[] }) {
  const navigate = useNavigate();
  const ownerName = useOwnerName();
  const groups = useMemo(() => buildControlTree(controls), [controls]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const showFamilies = groups.length > 1 || (groups[0]?.family ?? '') !== '';
  const sections = groups.map((group) => ({ group, rows: collapsed.has(`family:${group.family}`) ? [] : visibleRows(group.roots, collapsed) }));
  const flat = sections.flatMap((s) => s.rows);
  const selection = useListSelection('controls', flat.length, (index) => {
    const row = flat[index];
    if (row) void navigate(`/controls/${row.control.id}`);
  });
  let index = 0;

  return (
    <Table striped={false} highlightOnHover verticalSpacing={4} aria-label="Controls">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="32%">Control</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Effectiveness</Table.Th>
          <Table.Th>Maturity</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Next test</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sections.map(({ group, rows }) => (
          <FamilyRows key={group.family} showHeader={showFamilies} family={group.family} count={group.count} open={!collapsed.has(`family:${group.family}`)} onToggle={() => toggle(`family:${group.family}`)}>
            {rows.map((row) => {
              const i = index++;
              const c = row.control;
              return (
                <Table.Tr key={c.id} {...selection.rowProps(i)} data-overdue={testDue(c.next_test_at) === 'overdue' || undefined}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" pl={row.depth * 20}>
                      {row.hasChildren ? (
                        <ActionIcon size="xs" variant="subtle" color="gray" onClick={() => toggle(c.id)} aria-label={`${collapsed.has(c.id) ? 'Expand' : 'Collapse'} ${c.ref}`} aria-expanded={!collapsed.has(c.id)}>
                          {collapsed.has(c.id) ? <IconChevronRight size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
                        </ActionIcon>
                      ) : (
                        <span style={{ width: 18, flex: 'none' }} />
                      )}
                      <Anchor component={Link} to={`/controls/${c.id}`} size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {c.ref}
                      </Anchor>
                      <Text size="sm" lineClamp={1} title={c.title}>
                        {c.title}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ImplementationBadge status={c.implementation_status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {c.effectiveness !== null && <Progress value={c.effectiveness} w={60} size="sm" aria-hidden />}
                      <Text size="sm" c={c.effectiveness === null ? 'dimmed' : undefined}>
                        {formatEffectiveness(c.effectiveness)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={c.maturity ? undefined : 'dimmed'} title={c.maturity ? MATURITY_LABELS[c.maturity] : undefined}>
                      {c.maturity ? `${c.maturity} of 5` : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={c.owner_id ? undefined : 'dimmed'}>
                      {c.owner_id ? ownerName(c.owner_id) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td bg={testDue(c.next_test_at) === 'overdue' ? 'var(--mantine-color-red-light)' : undefined}>
                    <NextTest at={c.next_test_at} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </FamilyRows>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FamilyRows({ showHeader, family, count, open, onToggle, children }: { showHeader: boolean; family: string; count: number; open: boolean; onToggle(): void; children: React.ReactNode }) {
  return (
    <>
      {showHeader && (
        <Table.Tr>
          <Table.Td colSpan={6} bg="var(--mantine-color-default-hover)">
            <Group gap={6}>
              <ActionIcon size="xs" variant="subtle" color="gray" onClick={onToggle} aria-label={`${open ? 'Collapse' : 'Expand'} family ${family || 'without family'}`} aria-expanded={open}>
                {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
              </ActionIcon>
              <Text size="sm" fw={700}>
                {family || 'Without family'}
              </Text>
              <Text size="xs" c="dimmed">
                {count === 1 ? '1 control' : `${count} controls`}
              </Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
      {children}
    </>
  );
}
