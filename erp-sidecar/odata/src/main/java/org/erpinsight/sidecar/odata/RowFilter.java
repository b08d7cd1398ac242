package org.erpinsight.sidecar.odata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.Binary;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Evaluates a parsed {@code $filter} or {@code $orderby} expression on one row: comparisons, and, or,
 * not, in, arithmetic on amounts, and the string and date functions a BI tool sends. Values are
 * compared as text, decimal numbers, days or truth values; what is not supported is a 501, a
 * mismatch of types a 400 — never a 500.
 */
final class RowFilter<T> implements ExpressionVisitor<Object> {
    private final Feed<T> feed;
    private T row;

    RowFilter(Feed<T> feed) {
        this.feed = feed;
    }

    /** Whether the row passes the filter (null: no filter). */
    boolean accepts(Expression filter, T row) throws ODataApplicationException {
        if (filter == null) {
            return true;
        }
        return Boolean.TRUE.equals(value(filter, row));
    }

    /** The expression's value on the row: for $orderby, and inside $filter. */
    Object value(Expression expression, T row) throws ODataApplicationException {
        this.row = row;
        try {
            return expression.accept(this);
        } catch (ExpressionVisitException e) {
            throw bad(e.getMessage());
        }
    }

    /**
     * The value a filter pins the feed's pinnable property to ({@code CustomerNumber eq '10001'}, alone
     * or and-ed with others): then only that customer's rows need be read. Null when it pins none.
     */
    static String pinned(Expression filter, String property) {
        if (property == null || !(filter instanceof Binary b)) {
            return null;
        }
        if (b.getOperator() == BinaryOperatorKind.AND) {
            String left = pinned(b.getLeftOperand(), property);
            return left != null ? left : pinned(b.getRightOperand(), property);
        }
        if (b.getOperator() == BinaryOperatorKind.EQ && b.getLeftOperand() instanceof Member m && b.getRightOperand() instanceof Literal l
                && property.equals(propertyOf(m)) && l.getText().startsWith("'")) {
            return text(l.getText());
        }
        return null;
    }

    private static String propertyOf(Member member) {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        return parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty p ? p.getProperty().getName() : null;
    }

    private static String text(String literal) {
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    @Override
    public Object visitMember(Member member) throws ODataApplicationException {
        String name = propertyOf(member);
        Column<T> column = name == null ? null : feed.column(name).orElse(null);
        if (column == null) {
            throw new ODataApplicationException("Filter and sort on the properties of " + feed.type() + " only",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        return normal(column.value().apply(row));
    }

    private static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    @Override
    public Object visitLiteral(Literal literal) throws ODataApplicationException {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || "null".equals(text)) {
            return null;
        }
        String name = type.getName();
        try {
            return switch (name) {
                case "String" -> text(text);
                case "Boolean" -> Boolean.valueOf(text);
                case "Date" -> LocalDate.parse(text);
                case "Byte", "SByte", "Int16", "Int32", "Int64", "Decimal", "Double", "Single" -> new BigDecimal(text.replaceAll("[mMdDfFlL]$", ""));
                default -> throw new ODataApplicationException("Literals of type " + name + " are not supported here",
                        HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
            };
        } catch (RuntimeException e) {
            throw bad("'" + text + "' is not a " + name);
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right) throws ODataApplicationException {
        switch (operator) {
            case AND:
                return Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
            case OR:
                return Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
            case EQ:
                return compare(left, right) == 0;
            case NE:
                return compare(left, right) != 0;
            case GT:
                return left != null && right != null && compare(left, right) > 0;
            case GE:
                return left != null && right != null && compare(left, right) >= 0;
            case LT:
                return left != null && right != null && compare(left, right) < 0;
            case LE:
                return left != null && right != null && compare(left, right) <= 0;
            case ADD:
            case SUB:
            case MUL:
            case DIV:
            case MOD:
                return arithmetic(operator, left, right);
            default:
                throw new ODataApplicationException("The operator " + operator + " is not supported",
                        HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right) throws ODataApplicationException {
        if (operator != BinaryOperatorKind.IN) {
            throw new ODataApplicationException("The operator " + operator + " is not supported", HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(),
                    Locale.ROOT);
        }
        for (Object candidate : right) {
            if (compare(left, candidate) == 0) {
                return true;
            }
        }
        return false;
    }

    private static Object arithmetic(BinaryOperatorKind operator, Object left, Object right) throws ODataApplicationException {
        if (left == null || right == null) {
            return null;
        }
        if (!(left instanceof BigDecimal a) || !(right instanceof BigDecimal b)) {
            throw bad("Arithmetic needs numbers");
        }
        if ((operator == BinaryOperatorKind.DIV || operator == BinaryOperatorKind.MOD) && b.signum() == 0) {
            return null;
        }
        return switch (operator) {
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
            case DIV -> a.divide(b, java.math.MathContext.DECIMAL64);
            default -> a.remainder(b);
        };
    }

    /** Orders two values of one kind; null first. Values of different kinds are the client's mistake. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right) throws ODataApplicationException {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        if (left.getClass() != right.getClass() || !(left instanceof Comparable)) {
            throw bad("Cannot compare " + kind(left) + " with " + kind(right));
        }
        return ((Comparable) left).compareTo(right);
    }

    private static String kind(Object value) {
        return value instanceof BigDecimal ? "a number" : value instanceof LocalDate ? "a date" : value instanceof Boolean ? "true/false" : "text";
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return operand == null ? null : !Boolean.TRUE.equals(operand);
        }
        if (operator == UnaryOperatorKind.MINUS && operand instanceof BigDecimal n) {
            return n.negate();
        }
        throw bad("The operator " + operator + " does not apply here");
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
        Object first = parameters.isEmpty() ? null : parameters.get(0);
        Object second = parameters.size() > 1 ? parameters.get(1) : null;
        switch (method) {
            case CONTAINS:
            case STARTSWITH:
            case ENDSWITH:
            case INDEXOF:
            case CONCAT:
                if (first == null || second == null) {
                    return method == MethodKind.CONCAT ? null : false;
                }
                String a = string(first);
                String b = string(second);
                return switch (method) {
                    case CONTAINS -> a.contains(b);
                    case STARTSWITH -> a.startsWith(b);
                    case ENDSWITH -> a.endsWith(b);
                    case INDEXOF -> new BigDecimal(a.indexOf(b));
                    default -> a + b;
                };
            case TOLOWER:
                return first == null ? null : string(first).toLowerCase(Locale.ROOT);
            case TOUPPER:
                return first == null ? null : string(first).toUpperCase(Locale.ROOT);
            case TRIM:
                return first == null ? null : string(first).strip();
            case LENGTH:
                return first == null ? null : new BigDecimal(string(first).length());
            case SUBSTRING:
                if (first == null) {
                    return null;
                }
                String s = string(first);
                int from = Math.min(s.length(), Math.max(0, number(second)));
                int to = parameters.size() > 2 ? Math.min(s.length(), from + Math.max(0, number(parameters.get(2)))) : s.length();
                return s.substring(from, to);
            case YEAR:
                return first == null ? null : new BigDecimal(date(first).getYear());
            case MONTH:
                return first == null ? null : new BigDecimal(date(first).getMonthValue());
            case DAY:
                return first == null ? null : new BigDecimal(date(first).getDayOfMonth());
            case ROUND:
                return first == null ? null : decimal(first).setScale(0, java.math.RoundingMode.HALF_UP);
            case FLOOR:
                return first == null ? null : decimal(first).setScale(0, java.math.RoundingMode.FLOOR);
            case CEILING:
                return first == null ? null : decimal(first).setScale(0, java.math.RoundingMode.CEILING);
            default:
                throw new ODataApplicationException("The function " + method.name().toLowerCase(Locale.ROOT) + " is not supported",
                        HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
    }

    private static String string(Object value) throws ODataApplicationException {
        if (value instanceof String s) {
            return s;
        }
        throw bad("Expected text, found " + kind(value));
    }

    private static int number(Object value) throws ODataApplicationException {
        if (value instanceof BigDecimal n) {
            return n.intValue();
        }
        throw bad("Expected a number");
    }

    private static BigDecimal decimal(Object value) throws ODataApplicationException {
        if (value instanceof BigDecimal n) {
            return n;
        }
        throw bad("Expected a number, found " + kind(value));
    }

    private static LocalDate date(Object value) throws ODataApplicationException {
        if (value instanceof LocalDate d) {
            return d;
        }
        throw bad("Expected a date, found " + kind(value));
    }

    static ODataApplicationException bad(String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
    }

    private ODataApplicationException notSupported(String what) {
        return new ODataApplicationException(what + " is not supported in this feed", HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(),
                Locale.ROOT);
    }

    @Override
    public Object visitLambdaExpression(String functionName, String variableName, Expression expression) throws ODataApplicationException {
        throw notSupported("any() and all()");
    }

    @Override
    public Object visitAlias(String aliasName) throws ODataApplicationException {
        throw notSupported("A parameter alias");
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw notSupported("A type literal");
    }

    @Override
    public Object visitLambdaReference(String variableName) throws ODataApplicationException {
        throw notSupported("any() and all()");
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> enumValues) throws ODataApplicationException {
        throw notSupported("An enumeration");
    }
}
