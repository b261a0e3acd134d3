import type { LmiSourceDefinition } from '../import/source.ts';
import { copsSource } from './cops.ts';
import { escoSource } from './esco.ts';
import { jobbankSource } from './jobbank.ts';
import { naicsSource } from './naics.ts';
import { nocSource } from './noc.ts';
import { oasisSource } from './oasis.ts';
import { onetSource } from './onet.ts';

/** Every LMI source, in import order (a source comes after those it depends on). */
export const LMI_SOURCES: readonly LmiSourceDefinition[] = [
  nocSource,
  oasisSource,
  copsSource,
  jobbankSource,
  onetSource,
  naicsSource,
  escoSource,
];
