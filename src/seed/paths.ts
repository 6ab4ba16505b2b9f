// Where the curated seed files live, relative to this module (works from src/ and from a clone).
import { join } from 'node:path';

export const SEED_DIR = join(__dirname, '..', '..', 'seeds');
