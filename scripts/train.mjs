#!/usr/bin/env node
// Trains the models extraction ships, from the development part of the annotated corpus
// (eval/corpus/split.json "dev"; the frozen test part is never read), and writes them to
// data/models/. Deterministic: the same corpus gives the same files, which
// src/ingest/role-model.test.ts checks. Run with `npm run train` (it builds first).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { developmentRoleModel } = await import(join(root, 'dist/ingest/role-training.js'));
const model = developmentRoleModel(join(root, 'eval/corpus'));
const out = join(root, 'data/models/person-role.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`${out}: ${model.trainedOn}, ${Object.keys(model.logLikelihood).length} features`);
