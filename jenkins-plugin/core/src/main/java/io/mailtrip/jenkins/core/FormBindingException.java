package io.mailtrip.jenkins.core;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted sensor form that cannot run; lists every bad field, so all are fixed in one go. */
public final class FormBindingException extends RuntimeException {

    private final List<FieldProblem> problems;

    public FormBindingException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::line).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a form binding exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
