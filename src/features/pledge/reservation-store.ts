import { create } from 'zustand';
import type { Reservation } from '../../../domain/api/pool';
import type { Cadence } from '../../../domain/sponsorship';
import { useSessionStore } from '@/features/auth';
import { RESERVATION_MINUTES } from './rules';

/** How a reservation was made, so "start again" can make it the same way. */
export type ReservationOrigin = { kind: 'reserve'; cadence: Cadence } | { kind: 'afterLeaving'; sponsorshipId: string };

export interface HeldReservation {
  reservation: Reservation;
  origin: ReservationOrigin;
  /** When the hold ends, on this device's clock (see `deadlineFor`). */
  deadline: number;
}

/**
 * The end of the hold on this device's clock. The server's `reservedUntil` is trusted when it is
 * plausible; a phone clock far off the server's falls back to the full reservation time from receipt.
 */
export function deadlineFor(reservedUntil: string, receivedAt: number): number {
  const full = RESERVATION_MINUTES * 60_000;
  const remaining = Date.parse(reservedUntil) - receivedAt;
  if (Number.isFinite(remaining) && remaining > 0 && remaining <= full + 60_000) return receivedAt + Math.min(remaining, full);
  return receivedAt + full;
}

interface ReservationState {
  /** By sponsorship id; the review page reads the one its query names. */
  held: Record<string, HeldReservation>;
  put: (reservation: Reservation, origin: ReservationOrigin, receivedAt?: number) => HeldReservation;
  drop: (sponsorshipId: string) => void;
}

/**
 * Reservations handed from the student page to the review step. Kept in memory only: a hold lasts
 * minutes, and one left behind is released by the server when it runs out.
 */
export const useReservationStore = create<ReservationState>()((set) => ({
  held: {},
  put: (reservation, origin, receivedAt = Date.now()) => {
    const entry: HeldReservation = { reservation, origin, deadline: deadlineFor(reservation.reservedUntil, receivedAt) };
    set((state) => ({ held: { ...state.held, [reservation.sponsorshipId]: entry } }));
    return entry;
  },
  drop: (sponsorshipId) =>
    set((state) => ({ held: Object.fromEntries(Object.entries(state.held).filter(([id]) => id !== sponsorshipId)) })),
}));

useSessionStore.subscribe((state, previous) => {
  if (previous.token && !state.token) useReservationStore.setState({ held: {} });
});
