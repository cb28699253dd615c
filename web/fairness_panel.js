// "Verified fair": after every chance play the core has recomputed the draw
// from the revealed server seed and our client seed. This shows its verdict,
// and the proof for a curious shopper to check by hand (the docs say how).

import { h } from './dom.js';

/**
 * @param {(key: string, params?: object) => string} t
 * @param {object} view  a succeeded play view of a chance game
 */
export function fairnessPanel(t, view) {
  const verified = view.fairness === 'verified';
  const proof = view.proof;
  const row = (label, value) => h('div', { class: 'proof-row' }, h('dt', {}, label), h('dd', {}, String(value)));
  const details = h('details', { class: `fairness ${verified ? 'verified' : 'unverified'}`, part: 'fairness' },
    h('summary', {}, verified ? t('fair.verified') : t('fair.failed')),
    h('p', { class: 'proof-intro' }, verified ? t('fair.explain') : t(`fair.problem.${view.fairness}`)),
    h('dl', { class: 'proof' },
      row(t('fair.commitment'), proof.commitment),
      row(t('fair.serverSeed'), proof.serverSeed),
      row(t('fair.clientSeed'), proof.clientSeed),
      row(t('fair.nonce'), proof.nonce),
      row(t('fair.outcome'), proof.outcome),
      row(t('fair.drawn'), t('fair.drawnValue', { drawn: proof.drawnIndex + 1, shown: view.prizeIndex + 1 }))));
  if (!verified) details.setAttribute('role', 'alert');
  return details;
}
