import { Stack, Tabs, Title } from '@mantine/core';
import { IconBroadcast, IconBuildingCommunity, IconChartBar, IconFileText, IconListCheck, IconPhoneCall } from '@tabler/icons-react';
import { useSubview } from '../../lib/use-subview';
import { ActivationPanel } from '../activation/ActivationPanel';
import { AlertsPanel } from '../alert/AlertsPanel';
import { CalldownPanel } from '../calldown/CalldownPanel';
import { HvaPanel } from '../hva/HvaPanel';
import { PlansPanel, type PlansView } from '../plan/PlansPanel';
import { ServicesPanel } from '../service/ServicesPanel';

const TABS = [
  { value: 'plans', label: 'Plans', icon: IconFileText },
  { value: 'activation', label: 'Activation sheet', icon: IconListCheck },
  { value: 'calldown', label: 'Call-down', icon: IconPhoneCall },
  { value: 'services', label: 'Regional services', icon: IconBuildingCommunity },
  { value: 'hva', label: 'Hazard vulnerability', icon: IconChartBar },
  { value: 'alerts', label: 'Public warning', icon: IconBroadcast },
] as const;

/** Between incidents and at the start of one: plans, the activation sheet, call-down, services, HVA, public warning. */
export function PreparednessScreen() {
  const { params, open } = useSubview();
  const tab = params.get('tab') ?? 'plans';
  const section = params.get('section');
  const plansView: PlansView = { planId: params.get('plan'), versionId: params.get('version'), section: section === null ? null : Number(section) };
  const openPlans = (v: PlansView) =>
    open({ tab: 'plans', ...(v.planId ? { plan: v.planId } : {}), ...(v.versionId ? { version: v.versionId } : {}), ...(v.section !== null && v.section !== undefined ? { section: String(v.section) } : {}) });
  return (
    <Stack gap="md" data-testid="preparedness-screen">
      <Title order={1}>Preparedness</Title>
      <Tabs value={tab} onChange={(t) => open({ tab: t ?? 'plans' })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={18} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md">
          <PlansPanel view={plansView} open={openPlans} />
        </Tabs.Panel>
        <Tabs.Panel value="activation" pt="md">
          <ActivationPanel />
        </Tabs.Panel>
        <Tabs.Panel value="calldown" pt="md">
          <CalldownPanel />
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="md">
          <ServicesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="hva" pt="md">
          <HvaPanel />
        </Tabs.Panel>
        <Tabs.Panel value="alerts" pt="md">
          <AlertsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
