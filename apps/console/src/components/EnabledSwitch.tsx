import { useState } from 'react';
import { Switch } from 'antd';

interface EnabledSwitchProps {
  checked: boolean;
  disabled: boolean;
  onChange: (enabled: boolean) => Promise<unknown>;
  testId: string;
}

/** A list row's on/off switch that waits for the server (and spins meanwhile). */
export function EnabledSwitch({ checked, disabled, onChange, testId }: EnabledSwitchProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Switch
      size="small"
      checked={checked}
      disabled={disabled}
      loading={busy}
      onChange={(enabled) => {
        setBusy(true);
        void onChange(enabled).finally(() => setBusy(false));
      }}
      data-testid={testId}
    />
  );
}
