#!/usr/bin/env node
// Trains the models extraction ships, from the development part of the annotated corpus
// (eval/corpus/split.json "dev"; the frozen test part is never read), and writes them to
// data/models/. Deterministic: the same corpus gives the same files, which
// src/ingest/role-model.test.ts checks. Run with `npm run train` (it builds first).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { developmentRoleModel } = await import(join(root, 'dist/ingest/role-training.js'));
const out = join(root, 'data/models/person-role.json');
// Training reads the persons extraction finds, whose roles the old model would set: it is set
// aside so that a file in an older format cannot stand in the way (roles are not features).
rmSync(out, { force: true });
const model = developmentRoleModel(join(root, 'eval/corpus'));
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`${out}: ${model.trainedOn}, ${Object.keys(model.logLikelihood).length} features`);
