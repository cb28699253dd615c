#pragma once
// A timed quiz, one question at a time. The backend sends the questions
// without their answers and judges the submitted answers itself, so reading
// the widget's memory tells a member nothing; the correct options only
// arrive afterwards, for the review screen (applyResult).
//
// Time limits follow WCAG 2.2.1 (Timing Adjustable): the member can turn the
// timer off (setTimerEnabled) or extend the current question up to
// kMaxExtensions times, each by its full limit again.

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace kindred {

struct QuizQuestion {
  std::string id;
  std::string text;
  std::vector<std::string> options;
  int timeLimitSeconds = 0;  // 0 or less: this question has no time limit
};

class QuizSession {
 public:
  static constexpr int kMaxExtensions = 10;  // per question; WCAG asks for at least ten
  static constexpr int kNoAnswer = -1;
  static constexpr double kNoTimeLimit = std::numeric_limits<double>::infinity();

  explicit QuizSession(std::vector<QuizQuestion> questions);

  // Starts the first question's clock; later calls are ignored. A quiz with
  // no questions is finished once started.
  void start(double nowMs);
  // Records optionIndex for the current question and moves on. Returns false,
  // changing nothing, before start, after the end, for an option out of
  // range, and once the question's time is up (tick then records the timeout:
  // a late tap must not answer the next question).
  bool answer(int optionIndex, double nowMs);
  // Once the current question's time is up (nowMs >= its deadline), records
  // kNoAnswer and starts the next question's clock at nowMs, not at the
  // missed deadline. So a tick after a long pause (a backgrounded tab)
  // times out only the question that was showing: a member coming back
  // finds the quiz waiting at the next question, not over.
  void tick(double nowMs);
  // Adds the current question's full limit to its deadline. Returns false
  // when no time can be added: timer off, no limit, time already up,
  // kMaxExtensions used, or no question running.
  bool extendTime(double nowMs);
  // Off: no question times out and timeRemainingMs reports kNoTimeLimit.
  // Back on: the current question resumes with the time it had left, so
  // nowMs is needed to restart its clock.
  void setTimerEnabled(bool enabled, double nowMs);

  // The current question's time left (never negative); kNoTimeLimit with the
  // timer off or for a question without a limit; the first question's full
  // limit before start; 0 after the end.
  double timeRemainingMs(double nowMs) const;
  int extensionsLeft() const { return kMaxExtensions - extensionsUsed_; }

  const std::vector<QuizQuestion>& questions() const { return questions_; }
  bool started() const { return started_; }
  bool finished() const { return started_ && answers_.size() == questions_.size(); }
  bool timerEnabled() const { return timerEnabled_; }
  // The question showing; questions().size() once finished.
  int currentIndex() const { return static_cast<int>(answers_.size()); }
  // One entry per question done so far, in order: the option chosen, or
  // kNoAnswer where time ran out. Complete (one per question) once finished.
  const std::vector<int>& answers() const { return answers_; }

  // The backend's verdict, for the review screen: the score and the correct
  // option of each question. Accepted (returns true) only once finished and
  // with one correct option, in range, per question.
  bool applyResult(int score, const std::vector<int>& correctOptions);
  bool judged() const { return judged_; }
  int score() const { return score_; }
  const std::vector<int>& correctOptions() const { return correctOptions_; }

 private:
  bool running() const { return started_ && !finished(); }
  double limitMs(std::size_t question) const;
  void record(int option, double nowMs);  // the current question's outcome; then the next begins
  void beginQuestion(double nowMs);

  std::vector<QuizQuestion> questions_;
  std::vector<int> answers_;
  std::vector<int> correctOptions_;
  bool started_ = false;
  bool timerEnabled_ = true;
  bool judged_ = false;
  int score_ = 0;
  int extensionsUsed_ = 0;
  // While the timer runs, the current question ends at deadlineMs_; while it
  // is off, the question keeps the time it had left in leftWhileOffMs_.
  double deadlineMs_ = 0;
  double leftWhileOffMs_ = 0;
};

}  // namespace kindred
