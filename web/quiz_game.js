// The daily quiz. Questions arrive without answers; the core runs the
// per-question timer (which the shopper can extend or turn off: WCAG 2.2.1)
// and collects the answers, the backend judges them, and the review shows
// what was right.

import { h } from './dom.js';

const TICK_MS = 250;

export function createQuizGame(ctx, game) {
  const { t } = ctx;
  const start = h('button', { type: 'button', class: 'primary', part: 'button' }, t('quiz.start'));
  const intro = h('p', { class: 'hint' }, t('quiz.intro', { count: game.questionCount, points: game.pointsPerCorrect }));
  const counter = h('p', { class: 'quiz-progress' });
  const question = h('p', { class: 'quiz-question', id: 'quiz-question' });
  const options = h('div', { class: 'quiz-options', role: 'group', 'aria-labelledby': 'quiz-question' });
  const timeLeft = h('span', { class: 'quiz-time' });
  const timeBar = h('div', { class: 'bar-fill' });
  const more = h('button', { type: 'button', part: 'button' }, t('quiz.moreTime'));
  const timerToggle = h('button', { type: 'button', part: 'button', 'aria-pressed': 'false' }, t('quiz.timerOff'));
  const timerRow = h('div', { class: 'quiz-timer' }, h('div', { class: 'bar', 'aria-hidden': 'true' }, timeBar), timeLeft, more, timerToggle);
  const stage = h('div', { class: 'quiz-stage', hidden: true }, counter, question, options, timerRow);
  const review = h('ol', { class: 'quiz-review', hidden: true });
  const root = h('div', { class: 'game quiz-game' }, intro, stage, review, start);
  const core = () => ctx.core();
  let shownIndex = -1;
  let interval = 0;
  let sending = false;

  function view() { return JSON.parse(core().quizView(performance.now())); }

  function showQuestion(state) {
    shownIndex = state.index;
    counter.textContent = t('quiz.progress', { index: state.index + 1, count: state.count });
    question.textContent = state.question.text;
    options.replaceChildren(...state.question.options.map((text, i) => {
      const button = h('button', { type: 'button', class: 'quiz-option', part: 'button' }, text);
      button.addEventListener('click', () => {
        core().quizAnswer(i, performance.now());
        update();
      });
      return button;
    }));
    options.querySelector('button')?.focus();
  }

  function showTime(state) {
    const limited = state.timeRemainingMs !== null;
    timeLeft.textContent = limited ? t('quiz.timeLeft', { seconds: Math.ceil(state.timeRemainingMs / 1000) }) : t('quiz.noTimer');
    timeBar.style.width = limited ? `${(100 * state.timeRemainingMs) / state.timeLimitMs}%` : '100%';
    more.disabled = !limited || state.extensionsLeft === 0;
    timerToggle.textContent = state.timerEnabled ? t('quiz.timerOff') : t('quiz.timerOn');
    timerToggle.setAttribute('aria-pressed', String(!state.timerEnabled));
  }

  async function submit() {
    if (sending) return;
    sending = true;
    clearInterval(interval);
    stage.hidden = true;
    ctx.announce(t('quiz.sending'));
    const answer = await ctx.play(game.id);
    sending = false;
    if (answer.state === 'succeeded') showReview();
    ctx.settle(answer, { retry: () => submit() });
  }

  function showReview() {
    const state = view();
    const questions = game.questions ?? [];
    review.replaceChildren(...state.answers.map((chosen, i) => {
      const right = state.correctOptions?.[i];
      const optionsOf = questions[i]?.options ?? [];
      const mark = chosen === right ? '✓ ' : '✗ ';
      return h('li', { class: chosen === right ? 'right' : 'wrong' },
        mark + (questions[i]?.text ?? ''),
        h('span', { class: 'review-line' }, t('quiz.yourAnswer', { answer: chosen >= 0 ? optionsOf[chosen] : t('quiz.noAnswer') })),
        h('span', { class: 'review-line' }, t('quiz.right', { answer: optionsOf[right] ?? '' })));
    }));
    review.hidden = false;
  }

  function update() {
    core().quizTick(performance.now());
    const state = view();
    if (state.state === 'finished') {
      submit();
      return;
    }
    if (state.state !== 'running') return;
    if (state.index !== shownIndex) showQuestion(state);
    showTime(state);
  }

  more.addEventListener('click', () => { core().quizExtend(performance.now()); update(); });
  timerToggle.addEventListener('click', () => {
    core().quizTimer(!view().timerEnabled, performance.now());
    update();
  });
  start.addEventListener('click', () => {
    ctx.clearResult();
    if (!core().quizStart(game.id, performance.now())) return;
    start.hidden = intro.hidden = true;
    stage.hidden = false;
    shownIndex = -1;
    update();
    interval = setInterval(update, TICK_MS);
  });

  return {
    root,
    focus: () => start.focus(),
    destroy() { clearInterval(interval); },
  };
}
