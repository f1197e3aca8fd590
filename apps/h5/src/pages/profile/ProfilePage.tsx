import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { FanMember } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { errorMessage, fieldErrorsOf } from '../../api-error.ts';
import { ErrorState, Loading, Message } from '../../components/PageState.tsx';
import { useToast } from '../../components/Toast.tsx';
import { todayLocal } from '../../format.ts';
import { useAccountId } from '../../hooks/use-account-id.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { text } from '../../text.ts';
import { formFromMember, inputFromForm, validateProfile, type ProfileErrors, type ProfileField, type ProfileForm } from './profile-form.ts';

/** 完善资料: name, phone, gender, birthday and region on the member's card. */
export function ProfilePage() {
  const accountId = useAccountId();
  useDocumentTitle(text.titles.profile);
  const home = useResource((signal) => fanApi.home(accountId, signal), [accountId]);

  if (!home.data) return home.error ? <ErrorState error={home.error} onRetry={home.reload} /> : <Loading />;
  if (!home.data.member) {
    return (
      <Message icon="info" title={text.profile.needCard}>
        <Link className="btn btn-primary" to={`/${accountId}/member`}>
          {text.profile.goClaim}
        </Link>
      </Message>
    );
  }
  return <ProfileEditor accountId={accountId} member={home.data.member} />;
}

function ProfileEditor({ accountId, member }: { accountId: number; member: FanMember }) {
  const toast = useToast();
  const navigate = useNavigate();
  const [form, setForm] = useState<ProfileForm>(() => formFromMember(member));
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [saving, setSaving] = useState(false);

  const change = <K extends ProfileField>(field: K, value: ProfileForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputFromForm(form);
    const problems = validateProfile(input);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    try {
      await fanApi.saveProfile(accountId, input);
      toast.show(text.profile.saved, 'success');
      navigate(`/${accountId}/member`);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast.show(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="page">
      <form className="form" onSubmit={save} noValidate>
        <div className="cells">
          <Field id="profile-name" label={text.profile.name} error={errors.name}>
            {(a11y) => (
              <input {...a11y} className="input" value={form.name} onChange={(e) => change('name', e.target.value)} placeholder={text.profile.namePlaceholder} maxLength={32} autoComplete="name" />
            )}
          </Field>
          <Field id="profile-phone" label={text.profile.phone} error={errors.phone}>
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="tel"
                inputMode="numeric"
                value={form.phone}
                onChange={(e) => change('phone', e.target.value.replace(/\D/g, ''))}
                placeholder={text.profile.phonePlaceholder}
                maxLength={11}
                autoComplete="tel-national"
                data-testid="profile-phone"
              />
            )}
          </Field>
          <GenderField value={form.gender} error={errors.gender} onChange={(gender) => change('gender', gender)} />
          <Field id="profile-birthday" label={text.profile.birthday} error={errors.birthday}>
            {(a11y) => <input {...a11y} className="input" type="date" value={form.birthday} max={todayLocal()} onChange={(e) => change('birthday', e.target.value)} />}
          </Field>
          <Field id="profile-region" label={text.profile.region} error={errors.region}>
            {(a11y) => (
              <input {...a11y} className="input" value={form.region} onChange={(e) => change('region', e.target.value)} placeholder={text.profile.regionPlaceholder} maxLength={64} />
            )}
          </Field>
        </div>
        <div className="button-area">
          <button type="submit" className="btn btn-primary btn-block" disabled={saving} data-testid="profile-save">
            {saving ? text.profile.saving : text.profile.save}
          </button>
        </div>
      </form>
    </main>
  );
}

interface FieldA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled form row; the error under the control is tied to it for screen readers. */
function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: (a11y: FieldA11y) => ReactNode }) {
  const a11y = { id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined };
  return (
    <div className={`cell form-cell${error ? ' form-cell-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <div className="form-control">
        {children(a11y)}
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

function GenderField({ value, error, onChange }: { value: ProfileForm['gender']; error: string | undefined; onChange: (value: ProfileForm['gender']) => void }) {
  const options = [
    { value: 'male', label: text.profile.male },
    { value: 'female', label: text.profile.female },
  ] as const;
  return (
    <div className={`cell form-cell${error ? ' form-cell-error' : ''}`}>
      <span className="form-label" id="profile-gender-label">
        {text.profile.gender}
      </span>
      <div className="form-control">
        <div className="segmented" role="radiogroup" aria-labelledby="profile-gender-label">
          {options.map((option) => (
            <label key={option.value} className={`segment${value === option.value ? ' segment-on' : ''}`}>
              <input type="radio" name="gender" value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
        {error && (
          <p className="field-error" role="alert" data-testid="profile-gender-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
