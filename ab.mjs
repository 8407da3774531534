import { createActor, fromTransition } from 'xstate';
const logic = fromTransition((s) => s, 0);
const root = createActor(logic); root.start();
for (let r = 0; r < 10; r++) {
  const t = performance.now();
  for (let i = 0; i < 100000; i++) { const a = createActor(logic, { parent: root }); }
}
