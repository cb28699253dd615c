#include "kindred/quiz_session.hpp"

#include <utility>

namespace kindred {

QuizSession::QuizSession(std::vector<QuizQuestion> questions) : questions_(std::move(questions)) {
  answers_.reserve(questions_.size());
}

double QuizSession::limitMs(std::size_t question) const {
  const int seconds = questions_[question].timeLimitSeconds;
  return seconds > 0 ? seconds * 1000.0 : kNoTimeLimit;
}

void QuizSession::start(double nowMs) {
  if (started_) return;
  started_ = true;
  if (!questions_.empty()) beginQuestion(nowMs);
}

bool QuizSession::answer(int optionIndex, double nowMs) {
  if (!running() || optionIndex < 0) return false;
  if (static_cast<std::size_t>(optionIndex) >= questions_[answers_.size()].options.size()) return false;
  if (timerEnabled_ && nowMs >= deadlineMs_) return false;
  record(optionIndex, nowMs);
  return true;
}

void QuizSession::tick(double nowMs) {
  if (running() && timerEnabled_ && nowMs >= deadlineMs_) record(kNoAnswer, nowMs);
}

bool QuizSession::extendTime(double nowMs) {
  if (!running() || !timerEnabled_ || extensionsUsed_ >= kMaxExtensions) return false;
  const double limit = limitMs(answers_.size());
  if (limit == kNoTimeLimit || nowMs >= deadlineMs_) return false;
  deadlineMs_ += limit;
  ++extensionsUsed_;
  return true;
}

void QuizSession::setTimerEnabled(bool enabled, double nowMs) {
  if (enabled == timerEnabled_) return;
  timerEnabled_ = enabled;
  if (!running()) return;
  if (enabled) {
    deadlineMs_ = nowMs + leftWhileOffMs_;
  } else {
    leftWhileOffMs_ = deadlineMs_ > nowMs ? deadlineMs_ - nowMs : 0;
  }
}

double QuizSession::timeRemainingMs(double nowMs) const {
  if (finished() || questions_.empty()) return 0;
  if (!timerEnabled_) return kNoTimeLimit;
  if (!started_) return limitMs(0);
  return deadlineMs_ > nowMs ? deadlineMs_ - nowMs : 0;
}

bool QuizSession::applyResult(int score, const std::vector<int>& correctOptions) {
  if (!finished() || correctOptions.size() != questions_.size()) return false;
  for (std::size_t i = 0; i < correctOptions.size(); ++i) {
    if (correctOptions[i] < 0 || static_cast<std::size_t>(correctOptions[i]) >= questions_[i].options.size())
      return false;
  }
  score_ = score;
  correctOptions_ = correctOptions;
  judged_ = true;
  return true;
}

void QuizSession::record(int option, double nowMs) {
  answers_.push_back(option);
  if (!finished()) beginQuestion(nowMs);
}

void QuizSession::beginQuestion(double nowMs) {
  extensionsUsed_ = 0;
  const double limit = limitMs(answers_.size());
  deadlineMs_ = nowMs + limit;
  leftWhileOffMs_ = limit;
}

}  // namespace kindred
