import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { routes } from './routes';
import { useShell } from '../lib/shell-context';
import { keepHyphens } from '../lib/format';
import { formatKeys } from '../lib/shortcuts';
import identity from './identity.module.css';

export function NavRail() {
  const [location] = useLocation();
  const { coalition, workstation } = useShell();
  return (
    <Stack gap={2} component="nav">
      {/* Where the top bar has no room for it (it shows there on wide screens). */}
      <Stack gap={2} px="sm" pb="xs" className={identity.narrow} data-testid="rail-identity">
        <Text size="sm" fw={700} lh={1.2}>
          {coalition.name}
        </Text>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Workstation {keepHyphens(workstation.name ?? '')}
        </Text>
      </Stack>
      {routes.map((r) => {
        const active = r.path === '/' ? location === '/' : location.startsWith(r.path);
        return (
          <NavLink
            key={r.path}
            component={Link}
            href={r.path}
            label={r.label}
            leftSection={r.icon}
            rightSection={
              <Text
                size="xs"
                ff="monospace"
                c={active ? undefined : 'dimmed'}
                aria-label={`Shortcut ${formatKeys(r.keys)}`}
              >
                {formatKeys(r.keys).replace('Ctrl+Shift+', '⌃⇧')}
              </Text>
            }
            styles={{ label: { whiteSpace: 'nowrap' } }}
            active={active}
            aria-current={active ? 'page' : undefined}
            variant="filled"
            fw={600}
          />
        );
      })}
    </Stack>
  );
}
