#include "core/assert.h"

#include <gtest/gtest.h>

namespace {

TEST(Assert, AHoldingConditionDoesNothing) {
  int evaluated = 0;
  SAGITTA_ASSERT(++evaluated == 1, "evaluated once");
  EXPECT_EQ(evaluated, 1);
}

TEST(AssertDeathTest, ABrokenConditionStopsWithThePlaceAndTheMessage) {
  EXPECT_DEATH(SAGITTA_ASSERT(1 + 1 == 3, "arithmetic holds"),
               "internal error at .*assert_test.cpp:[0-9]+: arithmetic holds \\(1 \\+ 1 == 3\\)");
}

}  // namespace
