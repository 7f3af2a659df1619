package org.ltcreports.web.pages;

/**
 * The one stylesheet of the pages, served by the plugin at {@code static/ltc.css} (no CDN: the
 * container may have no internet). Colours follow the NHS palette with at least 4.5:1 contrast for
 * text; every focusable element shows a thick yellow-and-black focus ring.
 */
public final class Stylesheet {
  private Stylesheet() {}

  public static final String CSS =
      """
      *,*::before,*::after{box-sizing:border-box}
      html{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:100%;color:#212b32;background:#f0f4f5}
      body{margin:0;line-height:1.5}
      .wrap{max-width:1100px;margin:0 auto;padding:0 1rem}
      .skip-link{position:absolute;left:-9999px;top:0;background:#ffeb3b;color:#212b32;padding:.5rem 1rem;z-index:10}
      .skip-link:focus{left:1rem}
      .site-header{background:#005eb8;color:#fff;padding:.5rem 0}
      .site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
      .site-header a,.site-header .link-button{color:#fff}
      .brand{font-weight:bold;font-size:1.25rem;text-decoration:none}
      nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
      .user{margin-left:auto}
      main{background:#fff;padding:1rem 1.5rem 2rem;margin-top:1rem;margin-bottom:1rem}
      main:focus{outline:none}
      footer{color:#4c6272;font-size:.875rem;padding-bottom:2rem}
      h1{font-size:2rem;margin:.5rem 0 1rem}
      h2{font-size:1.5rem;margin:1.5rem 0 .5rem}
      a{color:#005eb8}
      a:visited{color:#330072}
      a:hover{color:#7c2855}
      a:focus,button:focus,input:focus,select:focus,textarea:focus,iframe:focus,summary:focus,.link-button:focus{
        outline:4px solid #212b32;outline-offset:0;box-shadow:0 0 0 7px #ffeb3b;background-color:#ffeb3b;color:#212b32}
      table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
      caption{text-align:left;font-weight:bold;padding:.25rem 0}
      th,td{border-bottom:1px solid #aeb7bd;padding:.4rem .6rem;text-align:left;vertical-align:top}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      label{display:block;font-weight:bold;margin:.75rem 0 .25rem}
      fieldset{border:1px solid #aeb7bd;margin:1rem 0;padding:.5rem 1rem 1rem}
      legend{font-weight:bold;padding:0 .25rem}
      fieldset label,.check label{display:inline;font-weight:normal;margin:0 0 0 .4rem}
      .check{margin:.35rem 0}
      input[type=text],input[type=password],input[type=date],input[type=file],select,textarea{font:inherit;padding:.4rem;border:2px solid #4c6272;max-width:100%}
      textarea{width:100%;min-height:5rem}
      input[type=checkbox]{width:1.25rem;height:1.25rem;vertical-align:middle}
      button,.button{font:inherit;display:inline-block;background:#007f3b;color:#fff;border:0;border-bottom:3px solid #00401e;
        padding:.5rem 1rem;margin:.5rem .5rem .5rem 0;cursor:pointer;text-decoration:none}
      .button.secondary,button.secondary{background:#4c6272;border-bottom-color:#212b32}
      a.button:visited{color:#fff}
      .link-button{background:none;border:0;padding:0;margin:0 0 0 .5rem;text-decoration:underline;cursor:pointer;font:inherit}
      .inline{display:inline}
      .notice{border-left:8px solid #005eb8;background:#e8edee;padding:.75rem 1rem;margin:1rem 0}
      .warning{border-left:8px solid #ffb81c;background:#fff9e6;padding:.75rem 1rem;margin:1rem 0}
      .error{border-left:8px solid #d5281b;background:#fde8e6;padding:.75rem 1rem;margin:1rem 0}
      .field-error{color:#a31a0f;font-weight:bold;border-left:4px solid #d5281b;padding-left:.5rem;margin:.25rem 0}
      .exchange{margin:.25rem 0;font-size:.875rem}
      .ok{color:#00401e;font-weight:bold}
      .late,.due{color:#a31a0f;font-weight:bold}
      tr.section th{background:#e8edee;font-weight:bold}tr.flagged th,tr.flagged td{background:#fff9c4}
      .status{display:inline-block;padding:0 .4rem;font-weight:bold;border-left:6px solid #aeb7bd}
      .status-alarm{color:#a31a0f;border-left-color:#d5281b;background:#fde8e6}
      .status-due{color:#212b32;border-left-color:#ffb81c;background:#fff9e6}
      .status-done{color:#00401e;border-left-color:#007f3b;background:#e6f3ec}
      .status-neutral{color:#212b32;border-left-color:#005eb8;background:#e8edee}
      form.decide textarea{min-height:2.5rem}
      .muted{color:#4c6272}
      table.audit{table-layout:fixed;font-size:.875rem}
      table.audit td{overflow-wrap:anywhere}
      table.audit th:nth-child(1){width:3.5rem}table.audit th:nth-child(2){width:9rem}
      table.audit th:nth-child(8){width:8rem}
      .downloads{list-style:none;display:flex;flex-wrap:wrap;gap:0 .5rem;padding:0;margin:0}
      .report-frame{width:100%;height:75vh;border:2px solid #aeb7bd}
      progress{width:100%;height:1.5rem}
      .filters{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-end}
      dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
      dl.facts dt{font-weight:bold}
      dl.facts dd{margin:0}
      @media print{.site-header,footer,form{display:none}}
      """;
}
