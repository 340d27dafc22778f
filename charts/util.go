package charts

import (
	"strconv"
	"time"
)

func timeMonth(m int) time.Month { return time.Month(m) }

func itoa(i int) string { return strconv.Itoa(i) }
