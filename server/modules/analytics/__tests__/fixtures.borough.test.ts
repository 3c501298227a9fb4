/**
 * The same planted-truth checks at borough scale (≈10k people, 150k events, 550k relationships):
 * one load of a few minutes, so the whole file shares it.
 */
import { plantedSuite } from './support/planted-suite';

plantedSuite('borough', 1, '2026-Q2', 45 * 60_000);
