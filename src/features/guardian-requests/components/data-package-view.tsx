import { Image, View } from '@tarojs/components';
import { Fragment, type ReactNode } from 'react';
import { Button, Card, Notice, Section } from '@/components/ui';
import { formatDate, formatDateTime, formatGrade, formatPlace, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';
import { termName } from '@/lib/term-name';
import type { StudentDataPackage } from '../api';

function Facts({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <View className='bx-rights__facts'>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <View className='bx-rights__label'>{label}</View>
          <View>{value}</View>
        </Fragment>
      ))}
    </View>
  );
}

function Photos({ photos }: { photos: { id: string; url: string }[] }) {
  if (photos.length === 0) return null;
  return (
    <View className='bx-rights__photos'>
      {photos.map((p) => (
        <Image key={p.id} className='bx-rights__photo' src={p.url} mode='aspectFill' />
      ))}
    </View>
  );
}

/**
 * The data package as a guardian reads it (printable), with the button that saves it as JSON. What is
 * kept back for the child's safety is said plainly, so staff can explain it in person.
 */
export function DataPackageView({ data, onSave, saving }: { data: StudentDataPackage; onSave: () => void; saving: boolean }) {
  const t = useT();
  const locale = useLocale();
  const s = data.student;
  const withheld = (text: string | null) => text ?? t('rights.pkg.withheldText');
  return (
    <View className='bx-rights' data-testid='rights-package'>
      <Notice tone='info'>{t('rights.pkg.generated', { when: formatDateTime(data.generatedAt, locale), ngo: data.ngo.name })}</Notice>
      <Button block loading={saving} onClick={onSave} testId='rights-package-save'>
        {currentPlatform() === 'h5' ? t('rights.pkg.download') : t('rights.pkg.copy')}
      </Button>
      {data.withheld.safetyFlaggedTexts + data.withheld.careRecords > 0 ? (
        <Notice tone='warm' testId='rights-package-withheld'>
          {t('rights.pkg.withheld', { texts: data.withheld.safetyFlaggedTexts, records: data.withheld.careRecords })}
        </Notice>
      ) : null}
      {data.truncated ? <Notice tone='warm'>{t('rights.pkg.truncated')}</Notice> : null}

      <Section title={t('rights.pkg.student')}>
        <Facts
          rows={[
            [t('onboarding.field.legalName'), s.legalName],
            [t('onboarding.field.displayName'), s.displayName],
            [t('onboarding.field.gender'), t(`onboarding.gender.${s.gender}`)],
            [t('onboarding.field.dateOfBirth'), formatDate(s.dateOfBirth, locale)],
            [t('onboarding.field.schoolName'), s.schoolName],
            [t('onboarding.field.grade'), formatGrade(locale, s.grade, s.schoolStage)],
            [t('onboarding.field.expectedGraduation'), formatDate(s.expectedGraduation, locale)],
            [t('onboarding.field.province'), formatPlace(t, s.province, s.city)],
            [t('onboarding.field.village'), s.village ?? '—'],
            [t('onboarding.field.story'), s.story ?? '—'],
          ]}
        />
        {s.photo ? <Photos photos={[s.photo]} /> : null}
      </Section>

      <Section title={t('rights.pkg.contacts')}>
        {data.contacts.map((c, i) => (
          <View key={i}>{[c.name, c.relation, c.phone, c.note].filter(Boolean).join(' · ')}</View>
        ))}
        {data.consents.map((c, i) => (
          <View key={`c${i}`} className='bx-rights__meta'>
            {t('rights.pkg.consent', { name: c.guardianName, relation: c.relation, date: formatDate(c.consentedOn, locale), until: formatDate(c.retainUntil, locale) })}
          </View>
        ))}
      </Section>

      <Section title={t('rights.pkg.sponsorships')}>
        {data.sponsorships.map((sp) => (
          <Card key={sp.id}>
            <View>{t('rights.pkg.sponsorship', { name: sp.sponsorDisplayName, from: formatDate(sp.startDate, locale), to: formatDate(sp.endDate, locale) })}</View>
            {sp.ledger.map((e, i) => (
              <View key={i} className='bx-rights__meta'>
                {`${formatDate(e.occurredOn, locale)} · ${t(`rights.pkg.entry.${e.kind as 'pledge' | 'payment' | 'disbursement'}`)} · ${formatYuan(e.amountFen)}${e.description ? ` · ${e.description}` : ''}`}
              </View>
            ))}
          </Card>
        ))}
      </Section>

      <Section title={t('rights.pkg.letters', { count: data.letters.length })}>
        {data.letters.map((l) => (
          <Card key={l.id} testId='rights-package-letter'>
            <View className='bx-rights__meta'>{`${formatDate(l.createdAt, locale)} · ${t(`rights.pkg.direction.${l.direction}`)}`}</View>
            <View className='bx-rights__text'>{withheld(l.body)}</View>
            <Photos photos={l.photos} />
          </Card>
        ))}
      </Section>

      <Section title={t('rights.pkg.checkins', { count: data.checkins.length })}>
        {data.checkins.map((c, i) => (
          <View key={i} className='bx-rights__meta'>
            {`${formatDate(c.createdAt, locale)}${c.note === null ? '' : ` · ${c.note}`}`}
          </View>
        ))}
      </Section>

      <Section title={t('rights.pkg.reports', { count: data.termReports.length })}>
        {data.termReports.map((r, i) => (
          <View key={i}>
            <View>{`${termName(t, r.term)} · ${withheld(r.overallResult)}`}</View>
            {r.photo ? <Photos photos={[r.photo]} /> : null}
          </View>
        ))}
      </Section>

      {data.notices.length > 0 ? (
        <Section title={t('rights.pkg.notices', { count: data.notices.length })}>
          {data.notices.map((n, i) => (
            <View key={i} className='bx-rights__meta'>{`${formatDate(n.createdAt, locale)} · ${n.text}`}</View>
          ))}
        </Section>
      ) : null}
    </View>
  );
}
