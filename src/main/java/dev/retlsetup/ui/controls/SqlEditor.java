package dev.retlsetup.ui.controls;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * A SQL editor fit for pasting real queries: monospace, line numbers, keywords, strings and comments
 * highlighted. {@link #textProperty()} follows every edit both ways.
 */
public final class SqlEditor extends StackPane {
    private static final String[] KEYWORDS = {"select", "from", "where", "join", "left", "right", "inner", "outer",
        "full", "cross", "on", "and", "or", "not", "in", "is", "null", "as", "with", "group", "by", "order", "having",
        "limit", "union", "all", "distinct", "case", "when", "then", "else", "end", "over", "partition", "qualify",
        "values", "exists", "between", "like", "asc", "desc", "insert", "update", "delete", "create", "drop", "alter"};
    // Bounded, non-nested alternatives: highlighting never stalls on a pasted wall of text.
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>--[^\\n]*+|/\\*(?:[^*]|\\*(?!/))*+\\*/)"
            + "|(?<STRING>'(?:[^'\\\\]|\\\\.)*+'|\"(?:[^\"\\\\]|\\\\.)*+\")"
            + "|(?<IDENT>`[^`]*+`)"
            + "|(?<KEYWORD>(?i)\\b(?:" + String.join("|", KEYWORDS) + ")\\b)"
            + "|(?<NUMBER>\\b\\d++(?:\\.\\d++)?+\\b)");

    private final CodeArea area = new CodeArea();
    private final javafx.beans.property.SimpleStringProperty text =
            new javafx.beans.property.SimpleStringProperty(this, "text", "");
    private boolean syncing;

    public SqlEditor() {
        getStyleClass().add("sql-editor");
        area.getStyleClass().add("sql-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);
        // Tab and Shift+Tab move the focus on, as in every other field: the editor must not trap the keyboard
        // (SQL needs no tab characters; indentation with spaces still works).
        Nodes.addInputMap(area, InputMap.sequence(
                InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB)),
                InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN)),
                InputMap.consume(EventPattern.keyTyped("\t"))));
        area.textProperty().addListener((obs, old, now) -> {
            area.setStyleSpans(0, highlight(now));
            if (!syncing) {
                syncing = true;
                text.set(now);
                syncing = false;
            }
        });
        text.addListener((obs, old, now) -> {
            if (!syncing) {
                syncing = true;
                area.replaceText(now == null ? "" : now);
                syncing = false;
            }
        });
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The editing control itself (focus, accessibility, tests). */
    public CodeArea area() {
        return area;
    }

    static StyleSpans<Collection<String>> highlight(String sql) {
        Matcher m = TOKENS.matcher(sql);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "sql-comment"
                    : m.group("STRING") != null ? "sql-string"
                    : m.group("IDENT") != null ? "sql-identifier"
                    : m.group("KEYWORD") != null ? "sql-keyword" : "sql-number";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), sql.length() - last);
        return spans.create();
    }
}
