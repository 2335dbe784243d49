package vn.commune.petition.domain;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** Matches the exception of a step refused for breaking one named rule. */
public final class Breaks {

    private Breaks() {
    }

    public static Matcher<Object> rule(NamedRule rule) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RuleViolation violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of " + rule.name());
            }
        };
    }
}
