import { Select } from 'antd';

interface KeywordTagsInputProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Words as tags: type and press Enter (or a comma or space) to add one. For antd Form.Item. */
export function KeywordTagsInput({ value, onChange, placeholder, disabled, 'data-testid': testId }: KeywordTagsInputProps) {
  return (
    <Select<string[]>
      mode="tags"
      value={value ?? []}
      onChange={(next) => onChange?.(next.map((word) => word.trim()).filter(Boolean))}
      open={false}
      suffixIcon={null}
      tokenSeparators={[',', '，', ' ', '、']}
      placeholder={placeholder}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
