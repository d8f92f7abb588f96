import { View } from '@tarojs/components';
import { useState } from 'react';
import type { PoolFilters } from '../../../../domain/api/pool';
import type { SchoolStage } from '../../../../domain/student';
import { Button, Segmented, type SegmentedOption } from '@/components/ui';
import { formatPlace, formatYuan } from '@/lib/format';
import { useT, type Translate } from '@/lib/i18n';
import { hasFilters, type PoolFilterValues } from '../query';
import './pool.css';

const ALL = 'all';

export interface PoolFilterBarProps {
  /** What the filters can offer, given the others chosen; null before the first answer or when it failed. */
  options: PoolFilters | null;
  value: PoolFilterValues;
  onChange: (value: PoolFilterValues) => void;
}

/** One line saying what is shown, e.g. "四川·凉山 · 初中 · 每年不超过 ¥3,000". */
export function describeFilters(t: Translate, value: PoolFilterValues): string {
  const parts = [
    value.province ? formatPlace(t, value.province, value.city ?? value.province) : t('pool.filter.anyRegion'),
    value.schoolStage ? t(`pool.stage.${value.schoolStage}`) : t('pool.filter.anyStage'),
    value.maxYearlyNeedFen ? t('pool.filter.needAtMost', { amount: formatYuan(value.maxYearlyNeedFen) }) : t('pool.filter.anyNeed'),
  ];
  return parts.join(' · ');
}

/**
 * A calm filter bar: one line saying what is shown and a button; the choices open below it. Each tap
 * applies at once, so nothing is lost by closing it.
 */
export function PoolFilterBar({ options, value, onChange }: PoolFilterBarProps) {
  const t = useT();
  const [open, setOpen] = useState(false);

  const regions = options?.regions ?? [];
  const cities = regions.find((region) => region.province === value.province)?.cities ?? [];
  const stages = options?.schoolStages ?? [];

  const provinceOptions: SegmentedOption<string>[] = [
    { value: ALL, label: t('pool.filter.anyRegion') },
    ...regions.map((region) => ({ value: region.province, label: region.province })),
  ];
  const cityOptions: SegmentedOption<string>[] = [
    { value: ALL, label: t('pool.filter.anyCity') },
    ...cities.map((city) => ({ value: city, label: city })),
  ];
  const stageOptions: SegmentedOption<string>[] = [
    { value: ALL, label: t('pool.filter.anyStage') },
    ...stages.map((stage) => ({ value: stage, label: t(`pool.stage.${stage}`) })),
  ];
  // The bands come from the students waiting; a ceiling already chosen stays shown even if the others no longer offer it.
  const bands = options?.needBands ?? [];
  const chosenNeed = value.maxYearlyNeedFen;
  const needOptions: SegmentedOption<string>[] = [
    { value: ALL, label: t('pool.filter.anyNeed') },
    ...bands.map((band) => ({
      value: String(band.maxYearlyNeedFen),
      label: t('pool.filter.needBand', { amount: formatYuan(band.maxYearlyNeedFen), count: band.count }),
    })),
    ...(chosenNeed && !bands.some((band) => band.maxYearlyNeedFen === chosenNeed)
      ? [{ value: String(chosenNeed), label: t('pool.filter.needAtMost', { amount: formatYuan(chosenNeed) }) }]
      : []),
  ];

  return (
    <View className='bx-pool-filters' data-testid='pool-filters'>
      <View className='bx-pool-filters__head'>
        <View className='bx-pool-filters__summary' data-testid='pool-filter-summary'>
          {describeFilters(t, value)}
        </View>
        <Button
          variant='secondary'
          label={open ? t('pool.filter.closeLabel') : t('pool.filter.openLabel')}
          testId='pool-filter-toggle'
          onClick={() => setOpen(!open)}
        >
          {open ? t('pool.filter.close') : t('pool.filter.open')}
        </Button>
      </View>
      {open ? (
        <>
          {regions.length > 0 ? (
            <View className='bx-pool-filters__group'>
              <View className='bx-pool-filters__label'>{t('pool.filter.region')}</View>
              <Segmented
                label={t('pool.filter.region')}
                options={provinceOptions}
                value={value.province ?? ALL}
                testIdPrefix='pool-province'
                onChange={(province) => onChange({ ...value, province: province === ALL ? undefined : province, city: undefined })}
              />
              {value.province && cities.length > 1 ? (
                <Segmented
                  label={t('pool.filter.city')}
                  options={cityOptions}
                  value={value.city ?? ALL}
                  testIdPrefix='pool-city'
                  onChange={(city) => onChange({ ...value, city: city === ALL ? undefined : city })}
                />
              ) : null}
            </View>
          ) : null}
          {stages.length > 0 ? (
            <View className='bx-pool-filters__group'>
              <View className='bx-pool-filters__label'>{t('pool.filter.stage')}</View>
              <Segmented
                label={t('pool.filter.stage')}
                options={stageOptions}
                value={value.schoolStage ?? ALL}
                testIdPrefix='pool-stage'
                onChange={(stage) => onChange({ ...value, schoolStage: stage === ALL ? undefined : (stage as SchoolStage) })}
              />
            </View>
          ) : null}
          {needOptions.length > 1 ? (
            <View className='bx-pool-filters__group'>
              <View className='bx-pool-filters__label'>{t('pool.filter.need')}</View>
              <Segmented
                label={t('pool.filter.need')}
                options={needOptions}
                value={chosenNeed ? String(chosenNeed) : ALL}
                testIdPrefix='pool-need'
                onChange={(need) => onChange({ ...value, maxYearlyNeedFen: need === ALL ? undefined : Number(need) })}
              />
            </View>
          ) : null}
          <View className='bx-pool-filters__actions'>
            {hasFilters(value) ? (
              <Button variant='quiet' testId='pool-filter-clear' onClick={() => onChange({})}>
                {t('pool.filter.clear')}
              </Button>
            ) : null}
            <Button variant='primary' testId='pool-filter-done' onClick={() => setOpen(false)}>
              {t('pool.filter.close')}
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}
