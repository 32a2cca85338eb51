#pragma once

#include <QApplication>
#include <QKeyEvent>
#include <QString>

namespace tambo::test {

// Sends key presses and releases with window-system timestamps, the way a USB wedge scanner or a
// person types, through QApplication::notify (so application event filters see them).
class KeyFeeder
{
public:
    explicit KeyFeeder(quint64 start = 1'000'000)
        : m_time(start)
    {}

    quint64 now() const { return m_time; }
    void pause(int ms) { m_time += quint64(ms); }

    // Each character of text ("\r" = Enter, "\t" = Tab) gapMs after the one before.
    void type(QObject *receiver, const QString &text, int gapMs)
    {
        for (const QChar c : text) {
            m_time += quint64(gapMs);
            int key = 0;
            QString keyText(c);
            Qt::KeyboardModifiers modifiers = Qt::NoModifier;
            if (c == u'\r') {
                key = Qt::Key_Return;
            } else if (c == u'\t') {
                key = Qt::Key_Tab;
            } else if (c.isDigit()) {
                key = Qt::Key_0 + c.digitValue();
            } else if (c.isLetter() && c.unicode() < 128) {
                key = Qt::Key_A + (c.toUpper().unicode() - 'A');
                if (c.isUpper())
                    modifiers = Qt::ShiftModifier;
            } else {
                key = c.unicode();
            }
            send(receiver, QEvent::KeyPress, key, modifiers, keyText);
            m_time += 1;
            send(receiver, QEvent::KeyRelease, key, modifiers, keyText);
        }
    }

    void press(QObject *receiver, int key, Qt::KeyboardModifiers modifiers, const QString &text = {})
    {
        send(receiver, QEvent::KeyPress, key, modifiers, text);
        m_time += 1;
        send(receiver, QEvent::KeyRelease, key, modifiers, text);
    }

private:
    void send(QObject *receiver,
              QEvent::Type type,
              int key,
              Qt::KeyboardModifiers modifiers,
              const QString &text)
    {
        QKeyEvent event(type, key, modifiers, text);
        event.setTimestamp(m_time);
        QApplication::sendEvent(receiver, &event);
    }

    quint64 m_time;
};

} // namespace tambo::test
