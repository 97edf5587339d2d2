#include "EngineClock.h"

Clock engineSystemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}
