import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SAME_STORY_SIMILARITY,
  signatureBands,
  signatureSimilarity,
  storySignature,
} from './near-duplicates.js';

const STORY =
  'Relatives say that 21 mobilized men who refused to fight are held in a basement in the village of Zaitseve in Luhansk region. ' +
  'The men get no food, and a commander threatened to shoot them. The wife of one of them wrote to the Investigative Committee and has had no reply. ' +
  'According to the relatives, the men were taken from their unit after they filed reports refusing to take part in the assault.';

test('a reprint with a new headline and a lightly edited copy are judged the same story', () => {
  const original = storySignature(STORY);
  const reprint = storySignature(`Men held in a basement\n\n${STORY}\nRead more on our site.`);
  const edited = storySignature(
    STORY.replace('Relatives say', 'Their relatives told us').replace(
      'has had no reply',
      'has not had any reply',
    ),
  );
  assert.ok(signatureSimilarity(original, reprint) >= SAME_STORY_SIMILARITY);
  assert.ok(signatureSimilarity(original, edited) >= SAME_STORY_SIMILARITY);
  const shared = signatureBands(original).filter((b) => signatureBands(edited).includes(b));
  assert.ok(shared.length > 0, 'the edited copy is found through a shared band');
});

test('an independent report about the same site is a different story', () => {
  const other = storySignature(
    'A soldier from Tver told our correspondent that he and others are locked up in Zaitseve. ' +
      'He said the commanders beat those who refuse and take their phones away. His mother has appealed to the ombudsman.',
  );
  assert.ok(signatureSimilarity(storySignature(STORY), other) < SAME_STORY_SIMILARITY);
});
