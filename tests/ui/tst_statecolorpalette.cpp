#include "ui/StateColorPalette.h"
#include "ui/StateIcons.h"
#include "ui/TaskFilter.h"

#include <QImage>
#include <QPainter>
#include <QTest>

class TestStateColorPalette : public QObject
{
    Q_OBJECT

private:
    static QPalette paletteWithWindow(const QColor &window, const QColor &base)
    {
        QPalette palette(window);
        palette.setColor(QPalette::Base, base);
        return palette;
    }
    const QPalette light = paletteWithWindow(QColor(0xef, 0xef, 0xef), Qt::white);
    const QPalette dark = paletteWithWindow(QColor(0x35, 0x35, 0x35), QColor(0x2a, 0x2a, 0x2a));

private Q_SLOTS:
    void darknessFollowsTheWindowColour()
    {
        QVERIFY(!StateColorPalette(light).isDark());
        QVERIFY(StateColorPalette(dark).isDark());
        QVERIFY(!StateColorPalette::isDarkPalette(QPalette(QColor(0xa0, 0xa0, 0xa0))));
        QVERIFY(StateColorPalette::isDarkPalette(QPalette(QColor(0x60, 0x60, 0x60))));
    }

    void readableOnWindowAndViewInBothThemes_data()
    {
        QTest::addColumn<DisplayState>("state");
        for (const DisplayState state : allDisplayStates())
            QTest::newRow(qPrintable(displayStateName(state))) << state;
    }

    void readableOnWindowAndViewInBothThemes()
    {
        QFETCH(DisplayState, state);
        for (const QPalette &palette : {light, dark}) {
            const QColor color = StateColorPalette(palette).color(state);
            for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                const double ratio = contrastRatio(color, palette.color(role));
                if (ratio < 3.0)
                    QFAIL(qPrintable(QStringLiteral("%1 on %2: contrast %3")
                                             .arg(color.name(), palette.color(role).name())
                                             .arg(ratio)));
            }
        }
        QVERIFY(StateColorPalette(light).color(state) != StateColorPalette(dark).color(state));
    }

    void contrastRatioMatchesWcag()
    {
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
        QVERIFY(qAbs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void outcomesDifferInShapeNotOnlyColour()
    {
        using S = DisplayState;
        QSet<int> glyphs;
        for (const S state : {S::Queued, S::Running, S::Success, S::Warning, S::Error, S::Terminated, S::Pending})
            glyphs.insert(int(StateIcons::glyphFor(state)));
        QCOMPARE(glyphs.size(), 7);
    }

    void iconsArePaintedForTheDevicePixelRatio()
    {
        const QIcon icon = StateIcons::stateIcon(DisplayState::Error, light);
        for (const qreal ratio : {1.0, 1.5, 2.0, 3.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(16, 16), ratio);
            QCOMPARE(pixmap.devicePixelRatio(), ratio);
            QCOMPARE(pixmap.size(), QSize(16, 16) * ratio);
            const QImage image = pixmap.toImage();
            // Top of the dot: the state colour; the corner stays transparent.
            QCOMPARE(image.pixelColor(image.width() / 2, int(image.height() * 0.15)).rgb(),
                     StateColorPalette(light).color(DisplayState::Error).rgb());
            QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
        }
    }

    void disabledIconsAreGrey()
    {
        const QIcon icon = StateIcons::stateIcon(DisplayState::Success, light);
        const QImage image = icon.pixmap(QSize(20, 20), 1.0, QIcon::Disabled).toImage();
        const QColor top = image.pixelColor(10, 3);
        QVERIFY(top.alpha() > 0);
        QCOMPARE(top.hsvSaturation(), 0);
    }

    void iconPaintsIntoAnyRectangle()
    {
        QImage image(40, 20, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        StateIcons::stateIcon(DisplayState::Running, dark).paint(&painter, QRect(0, 0, 40, 20));
        painter.end();
        // Square and centred: the dot's colour at the middle top, nothing at the far left.
        QCOMPARE(image.pixelColor(20, 3).rgb(), StateColorPalette(dark).color(DisplayState::Running).rgb());
        QCOMPARE(image.pixelColor(2, 10).alpha(), 0);
    }
};

QTEST_MAIN(TestStateColorPalette)
#include "tst_statecolorpalette.moc"
