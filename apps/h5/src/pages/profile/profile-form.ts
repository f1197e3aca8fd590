import type { FanMember, Gender, ProfileInput } from '@zhanggui/shared';
import { todayLocal } from '../../format.ts';
import { text } from '../../text.ts';

/** The form's values as typed (empty strings for blanks). */
export interface ProfileForm {
  name: string;
  phone: string;
  gender: Gender | '';
  birthday: string;
  region: string;
}

export type ProfileField = keyof ProfileForm;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** Mainland mobile numbers, as the server checks them. */
const PHONE = /^1[3-9]\d{9}$/;

export function formFromMember(member: FanMember): ProfileForm {
  return {
    name: member.name ?? '',
    phone: member.phone ?? '',
    gender: member.gender ?? '',
    birthday: member.birthday ?? '',
    region: member.region ?? '',
  };
}

/** The PUT body: blanks become null. */
export function inputFromForm(form: ProfileForm): ProfileInput {
  const orNull = (value: string) => value.trim() || null;
  return {
    name: orNull(form.name),
    phone: orNull(form.phone.replace(/\s/g, '')),
    gender: form.gender || null,
    birthday: orNull(form.birthday),
    region: orNull(form.region.replace(/\s+/g, ' ')),
  };
}

/** The checks the server makes too, so the fan hears about a typo before sending. */
export function validateProfile(input: ProfileInput): ProfileErrors {
  const errors: ProfileErrors = {};
  if (input.phone !== null && !PHONE.test(input.phone)) errors.phone = text.profile.phoneInvalid;
  if (input.birthday !== null && input.birthday > todayLocal()) errors.birthday = text.profile.birthdayFuture;
  return errors;
}
