from pipeline.normalise.calendar import month_names, month_numbers, weekday_names


def test_months_and_weekdays():
    assert month_numbers()["sept."] == 9 and month_numbers()["may"] == 5 and month_numbers()["december"] == 12
    assert month_names()[0] == "January" and len(month_names()) == 12
    assert weekday_names() == ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
