#include "kindred/quiz_session.hpp"

#include <gtest/gtest.h>

namespace kindred {
namespace {

// Three questions of 10, 20 and 30 seconds, three options each.
std::vector<QuizQuestion> threeQuestions() {
  return {{"q1", "Which colour?", {"Red", "Green", "Blue"}, 10},
          {"q2", "Which size?", {"S", "M", "L"}, 20},
          {"q3", "Which fit?", {"Slim", "Regular", "Loose"}, 30}};
}

TEST(QuizSession, RecordsEveryAnswerInOrder) {
  QuizSession quiz(threeQuestions());
  EXPECT_FALSE(quiz.started());
  quiz.start(1000);
  EXPECT_EQ(quiz.currentIndex(), 0);
  EXPECT_TRUE(quiz.answer(2, 2000));
  EXPECT_EQ(quiz.currentIndex(), 1);
  EXPECT_TRUE(quiz.answer(0, 3000));
  EXPECT_FALSE(quiz.finished());
  EXPECT_TRUE(quiz.answer(1, 4000));
  EXPECT_TRUE(quiz.finished());
  EXPECT_EQ(quiz.currentIndex(), 3);
  EXPECT_EQ(quiz.answers(), (std::vector<int>{2, 0, 1}));
  EXPECT_EQ(quiz.timeRemainingMs(4000), 0);
}

TEST(QuizSession, IgnoresAnswersBeforeStart) {
  QuizSession quiz(threeQuestions());
  EXPECT_FALSE(quiz.answer(0, 0));
  EXPECT_TRUE(quiz.answers().empty());
  EXPECT_EQ(quiz.timeRemainingMs(0), 10000);  // the first question's full limit, for the intro screen
}

TEST(QuizSession, TimesOutExactlyAtTheLimit) {
  QuizSession quiz(threeQuestions());
  quiz.start(1000);
  quiz.tick(10999.9);
  EXPECT_EQ(quiz.currentIndex(), 0);
  EXPECT_DOUBLE_EQ(quiz.timeRemainingMs(10999), 1);
  quiz.tick(11000);
  EXPECT_EQ(quiz.currentIndex(), 1);
  EXPECT_EQ(quiz.answers(), (std::vector<int>{QuizSession::kNoAnswer}));
  // The next question's clock starts at the tick: 20 s from 11000.
  EXPECT_EQ(quiz.timeRemainingMs(11000), 20000);
  quiz.tick(30999);
  EXPECT_EQ(quiz.currentIndex(), 1);
  quiz.tick(31000);
  EXPECT_EQ(quiz.currentIndex(), 2);
}

TEST(QuizSession, AnAnswerAtTheLimitIsTooLateAndDoesNotAnswerTheNextQuestion) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  EXPECT_TRUE(quiz.answer(1, 9999));
  EXPECT_FALSE(quiz.answer(1, 9999 + 20000));  // q2's limit reached, not yet ticked
  EXPECT_EQ(quiz.currentIndex(), 1);
  quiz.tick(9999 + 20000);
  EXPECT_EQ(quiz.answers(), (std::vector<int>{1, QuizSession::kNoAnswer}));
}

TEST(QuizSession, ALongPauseTimesOutOnlyTheQuestionShowing) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  const double anHourLater = 3600 * 1000.0;
  quiz.tick(anHourLater);
  EXPECT_EQ(quiz.answers(), (std::vector<int>{QuizSession::kNoAnswer}));
  EXPECT_EQ(quiz.currentIndex(), 1);
  EXPECT_FALSE(quiz.finished());
  EXPECT_EQ(quiz.timeRemainingMs(anHourLater), 20000);
  EXPECT_TRUE(quiz.answer(2, anHourLater + 5000));
}

TEST(QuizSession, ExtendingAddsTheFullLimitAgainTenTimes) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  EXPECT_EQ(quiz.extensionsLeft(), 10);
  EXPECT_TRUE(quiz.extendTime(9000));
  EXPECT_EQ(quiz.timeRemainingMs(9000), 11000);
  quiz.tick(10000);
  EXPECT_EQ(quiz.currentIndex(), 0);
  for (int i = 1; i < QuizSession::kMaxExtensions; ++i) EXPECT_TRUE(quiz.extendTime(9000)) << i;
  EXPECT_EQ(quiz.extensionsLeft(), 0);
  EXPECT_FALSE(quiz.extendTime(9000));
  // 11 times the limit in all (WCAG 2.2.1 asks for at least ten extensions).
  EXPECT_EQ(quiz.timeRemainingMs(0), 110000);
  quiz.tick(109999);
  EXPECT_EQ(quiz.currentIndex(), 0);
  quiz.tick(110000);
  EXPECT_EQ(quiz.currentIndex(), 1);
  EXPECT_EQ(quiz.extensionsLeft(), 10);  // every question gets its own
}

TEST(QuizSession, NoExtendingOnceTimeIsUp) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  EXPECT_FALSE(quiz.extendTime(10000));
  quiz.tick(10000);
  EXPECT_EQ(quiz.currentIndex(), 1);
  EXPECT_FALSE(QuizSession(threeQuestions()).extendTime(0));  // not started
}

TEST(QuizSession, TimerOffNeverTimesOut) {
  QuizSession quiz(threeQuestions());
  quiz.setTimerEnabled(false, 0);
  quiz.start(0);
  EXPECT_EQ(quiz.timeRemainingMs(0), QuizSession::kNoTimeLimit);
  quiz.tick(1e12);
  EXPECT_EQ(quiz.currentIndex(), 0);
  EXPECT_FALSE(quiz.extendTime(1e12));
  EXPECT_TRUE(quiz.answer(0, 1e12));
  EXPECT_EQ(quiz.timeRemainingMs(1e12 + 1), QuizSession::kNoTimeLimit);
}

TEST(QuizSession, TimerTurnedOffMidQuestionResumesWithTheTimeLeft) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  quiz.setTimerEnabled(false, 4000);  // 6 s left
  quiz.tick(60000);
  EXPECT_EQ(quiz.currentIndex(), 0);
  quiz.setTimerEnabled(true, 100000);
  EXPECT_EQ(quiz.timeRemainingMs(100000), 6000);
  quiz.tick(105999);
  EXPECT_EQ(quiz.currentIndex(), 0);
  quiz.tick(106000);
  EXPECT_EQ(quiz.currentIndex(), 1);
}

TEST(QuizSession, QuestionWithoutALimitNeverTimesOut) {
  QuizSession quiz({{"q1", "Free text?", {"Yes", "No"}, 0}});
  quiz.start(0);
  EXPECT_EQ(quiz.timeRemainingMs(0), QuizSession::kNoTimeLimit);
  quiz.tick(1e12);
  EXPECT_FALSE(quiz.finished());
  EXPECT_FALSE(quiz.extendTime(0));
}

TEST(QuizSession, IgnoresOptionsOutOfRange) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  EXPECT_FALSE(quiz.answer(-1, 100));
  EXPECT_FALSE(quiz.answer(3, 100));
  EXPECT_EQ(quiz.currentIndex(), 0);
  EXPECT_TRUE(quiz.answers().empty());
}

TEST(QuizSession, IgnoresEverythingAfterTheEnd) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  for (int i = 0; i < 3; ++i) quiz.answer(0, 100);
  ASSERT_TRUE(quiz.finished());
  EXPECT_FALSE(quiz.answer(1, 200));
  quiz.tick(1e9);
  EXPECT_FALSE(quiz.extendTime(200));
  quiz.start(300);
  EXPECT_EQ(quiz.answers(), (std::vector<int>{0, 0, 0}));
}

TEST(QuizSession, StartingTwiceKeepsTheFirstClock) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  quiz.start(5000);
  quiz.tick(10000);
  EXPECT_EQ(quiz.currentIndex(), 1);
}

TEST(QuizSession, EmptyQuizIsFinishedOnStart) {
  QuizSession quiz({});
  quiz.start(0);
  EXPECT_TRUE(quiz.finished());
  EXPECT_FALSE(quiz.answer(0, 0));
  EXPECT_EQ(quiz.timeRemainingMs(0), 0);
}

TEST(QuizSession, KeepsTheBackendVerdictForTheReview) {
  QuizSession quiz(threeQuestions());
  quiz.start(0);
  EXPECT_FALSE(quiz.applyResult(1, {2, 0, 1}));  // not finished: nothing to judge yet
  quiz.answer(2, 100);
  quiz.tick(100 + 20000);
  quiz.answer(1, 20200);
  ASSERT_TRUE(quiz.finished());
  EXPECT_FALSE(quiz.judged());
  EXPECT_FALSE(quiz.applyResult(1, {2, 0}));      // one per question
  EXPECT_FALSE(quiz.applyResult(1, {2, 0, 3}));   // option out of range
  EXPECT_FALSE(quiz.applyResult(1, {2, -1, 1}));
  EXPECT_FALSE(quiz.judged());
  EXPECT_TRUE(quiz.applyResult(2, {2, 0, 1}));
  EXPECT_TRUE(quiz.judged());
  EXPECT_EQ(quiz.score(), 2);
  EXPECT_EQ(quiz.correctOptions(), (std::vector<int>{2, 0, 1}));
  EXPECT_EQ(quiz.answers(), (std::vector<int>{2, QuizSession::kNoAnswer, 1}));
}

}  // namespace
}  // namespace kindred
