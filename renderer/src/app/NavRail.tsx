import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { routes } from './routes';
import { formatKeys } from './shortcuts';

export function NavRail() {
  const [location] = useLocation();
  return (
    <Stack gap={2} component="nav">
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
