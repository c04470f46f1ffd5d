export {
  type Dependency,
  DependencyUnreachable,
  reasonOf,
  safeUrl,
  type WaitOptions,
  waitUntilReachable,
} from './wait-for.ts';
