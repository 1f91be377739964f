//! Lexical errors: each message, its `near` text and its line, as `luac5.4 -p` reports
//! them (cross-checked when it is installed).

mod common;

use common::*;

// ---------------------------------------------------------------------------------------
// 6. Lexical errors, compared to luac5.4 -p
// ---------------------------------------------------------------------------------------

#[test]
fn unfinished_strings() {
    assert_error(b"x = \"abc\n\"", 8, 1, "unfinished string near '\"abc'");
    assert_error(b"x = \"abc\r\n\"", 8, 1, "unfinished string near '\"abc'");
    assert_error(b"x = 'abc\r", 8, 1, "unfinished string near ''abc'");
    assert_error(b"x = \"abc", 8, 1, "unfinished string near <eof>");
    assert_error(b"x = \"", 5, 1, "unfinished string near <eof>");
    assert_error(b"x = \"abc\\", 9, 1, "unfinished string near <eof>");
    assert_error(b"x = \"a\\z\n", 9, 2, "unfinished string near <eof>");
    // The partial string is shown as Lua buffered it, escapes processed.
    assert_error(b"x = \"a\\tb\\65\n", 12, 1, "unfinished string near '\"a\tbA'");
    assert_error(b"x = 'a\"b\n", 8, 1, "unfinished string near ''a\"b'");
    assert_error(b"x = 1\r\ny = 2\r\nz = \"abc\r\n", 22, 3, "unfinished string near '\"abc'");
    assert_error(b"x = \"\n", 5, 1, "unfinished string near '\"'");
}

#[test]
fn unfinished_long_strings_and_comments() {
    assert_error(b"x = [[abc", 9, 1, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = [[abc\n", 10, 2, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = [[abc]", 10, 1, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = [=[abc]]", 12, 1, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = 1\ny = [==[\nabc\n", 19, 4, "unfinished long string (starting at line 2) near <eof>");
    assert_error(b"--[[", 4, 1, "unfinished long comment (starting at line 1) near <eof>");
    assert_error(b"x = 1\n--[==[ abc\n\n", 18, 4, "unfinished long comment (starting at line 2) near <eof>");
    assert_error(
        b"x = 1\r\n\r\n--[[ ]=] ]",
        19,
        3,
        "unfinished long comment (starting at line 3) near <eof>",
    );
}

#[test]
fn invalid_long_delimiters() {
    assert_error(b"x = [=", 4, 1, "invalid long string delimiter near '[='");
    assert_error(b"x = [==x", 4, 1, "invalid long string delimiter near '[=='");
    assert_error(b"x = [=]", 4, 1, "invalid long string delimiter near '[='");
    assert_error(b"x = [= [", 4, 1, "invalid long string delimiter near '[='");
    assert_error(b"x = 1\nt[==1]", 7, 2, "invalid long string delimiter near '[=='");
}

#[test]
fn invalid_escapes() {
    assert_error(br#"x = "a\q""#, 7, 1, r#"invalid escape sequence near '"a\q'"#);
    assert_error(br#"x = "\c""#, 6, 1, r#"invalid escape sequence near '"\c'"#);
    assert_error(br#"x = "\ ""#, 6, 1, r#"invalid escape sequence near '"\ '"#);
    assert_error(br#"x = "\U{41}""#, 6, 1, r#"invalid escape sequence near '"\U'"#);
    assert_error(br#"x = "\n\X41""#, 8, 1, "invalid escape sequence near '\"\n\\X'");
    assert_error(b"x = \"a\\\n\\q\"", 9, 2, "invalid escape sequence near '\"a\n\\q'");
    // A non-UTF-8 byte in `near` is shown lossily (Lua prints the raw byte).
    assert_error(b"x = \"\\\xff\"", 6, 1, "invalid escape sequence near '\"\\\u{FFFD}'");
}

#[test]
fn hex_digit_expected() {
    assert_error(br#"x = "\xg""#, 7, 1, r#"hexadecimal digit expected near '"\xg'"#);
    assert_error(br#"x = "\x1g""#, 8, 1, r#"hexadecimal digit expected near '"\x1g'"#);
    assert_error(br#"x = "\x""#, 7, 1, r#"hexadecimal digit expected near '"\x"'"#);
    assert_error(br#"x = "\x"#, 7, 1, r#"hexadecimal digit expected near '"\x'"#);
    assert_error(br#"x = "\x4"#, 8, 1, r#"hexadecimal digit expected near '"\x4'"#);
    assert_error(b"x = \"\\x\n\"", 7, 1, "hexadecimal digit expected near '\"\\x\n'");
    assert_error(br#"x = "ab\u{}""#, 10, 1, r#"hexadecimal digit expected near '"ab\u{}'"#);
    assert_error(br#"x = "\u{g}""#, 8, 1, r#"hexadecimal digit expected near '"\u{g'"#);
    assert_error(br#"x = "\u{"#, 8, 1, r#"hexadecimal digit expected near '"\u{'"#);
}

#[test]
fn decimal_escape_too_large() {
    assert_error(br#"x = "\256""#, 9, 1, r#"decimal escape too large near '"\256"'"#);
    assert_error(br#"x = "\999""#, 9, 1, r#"decimal escape too large near '"\999"'"#);
    assert_error(br#"x = "ab\2560""#, 11, 1, r#"decimal escape too large near '"ab\2560'"#);
    assert_error(br#"x = "\300"#, 9, 1, r#"decimal escape too large near '"\300'"#);
    assert_error(b"x = \"\\1\\2\n", 9, 1, "unfinished string near '\"\x01\x02'");
}

#[test]
fn utf8_escape_errors() {
    assert_error(br#"x = "\u{80000000}""#, 15, 1, r#"UTF-8 value too large near '"\u{80000000'"#);
    assert_error(br#"x = "\u{FFFFFFFFF}""#, 15, 1, r#"UTF-8 value too large near '"\u{FFFFFFFF'"#);
    assert_error(br#"x = "\u{100000000}""#, 16, 1, r#"UTF-8 value too large near '"\u{100000000'"#);
    assert_error(br#"x = "\u41""#, 7, 1, r#"missing '{' near '"\u4'"#);
    assert_error(br#"x = "\u""#, 7, 1, r#"missing '{' near '"\u"'"#);
    assert_error(br#"x = "\u"#, 7, 1, r#"missing '{' near '"\u'"#);
    assert_error(br#"x = "\u{41""#, 10, 1, r#"missing '}' near '"\u{41"'"#);
    assert_error(br#"x = "\u{41 }""#, 10, 1, r#"missing '}' near '"\u{41 '"#);
    assert_error(br#"x = "\u{41"#, 10, 1, r#"missing '}' near '"\u{41'"#);
    assert_error(br#"x = "\u{7FFFFFFFg}""#, 16, 1, r#"missing '}' near '"\u{7FFFFFFFg'"#);
}

#[test]
fn near_text_stops_at_nul() {
    assert_error(b"x = \"a\\0b\n", 9, 1, "unfinished string near '\"a'");
    assert_error(b"x = \"a\0b\n", 8, 1, "unfinished string near '\"a'");
    assert_error(b"x = 'a\\0\\q'", 9, 1, "invalid escape sequence near ''a'");
}
