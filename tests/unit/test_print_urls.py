"""Unit tests of kbsite/postbuild/print_urls.py: printed handouts show each
link's absolute address."""

from kbsite.postbuild.print_urls import absolute_print_urls

PAGE = "https://example.org/guide/physical-relief/"


def test_relative_links_get_their_absolute_address():
    html = '<p><a href="../safety/#misuse">safety</a> and <a href="https://fda.gov/x">FDA</a></p>'
    assert absolute_print_urls(html, PAGE) == (
        '<p><a href="../safety/#misuse" data-print-url="https://example.org/guide/safety/#misuse">safety</a> and '
        '<a href="https://fda.gov/x">FDA</a></p>')   # print CSS shows an absolute href as it is


def test_links_that_need_no_address_are_left_alone():
    html = ('<a class="headerlink" href="#benefits">¶</a><a class="footnote-ref" href="#fn:x">1</a>'
            '<a class="footnote-backref" href="#fnref:x">↩</a>'
            '<a href="tel:988">988</a><a href="sms:988">text</a><a href="mailto:a@example.com">a@example.com</a>')
    assert absolute_print_urls(html, PAGE) == html


def test_a_link_to_a_section_of_the_same_page_is_marked_so_print_shows_no_address():
    """Material's JavaScript makes every href absolute, so print CSS needs the mark."""
    assert absolute_print_urls('<a href="#misuse">misused</a>', PAGE) == '<a href="#misuse" data-same-page>misused</a>'



def test_only_the_href_attribute_counts():
    html = '<a data-href="../x/" href="../y/">y</a>'
    assert absolute_print_urls(html, PAGE) == \
        '<a data-href="../x/" href="../y/" data-print-url="https://example.org/guide/y/">y</a>'


def test_a_link_whose_text_is_its_address_prints_it_once():
    """A reference's "doi:10.1056/NEJMoa2302399" printed "(https://doi.org/...)" after it."""
    html = ('<a href="https://doi.org/10.1056/NEJMoa2302399">doi:10.1056/NEJMoa2302399</a> '
            '<a href="https://www.spravatorems.com/">www.spravatorems.com</a> '
            '<a href="https://www.spravatorems.com/">spravatorems.com</a>')
    table = '<a href="https://example.org/guide/safety/#monitoring"><code>https://example.org/guide/safety/#monitoring</code></a>'
    assert absolute_print_urls(table, PAGE) == table.replace('#monitoring"', '#monitoring" data-print-plain', 1)
    assert absolute_print_urls(html, PAGE) == (
        '<a href="https://doi.org/10.1056/NEJMoa2302399" data-print-plain>doi:10.1056/NEJMoa2302399</a> '
        '<a href="https://www.spravatorems.com/" data-print-plain>www.spravatorems.com</a> '
        '<a href="https://www.spravatorems.com/">spravatorems.com</a>')   # a shortened name still needs the address
    assert absolute_print_urls(absolute_print_urls(html, PAGE), PAGE) == absolute_print_urls(html, PAGE)
