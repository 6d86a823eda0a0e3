-- Shared by the headless Neovim tests: TAP-like reporting, waiting, and loading the plugin
-- from this checkout exactly as a user's runtimepath would.
local H = {}

local failures, passes, skips = 0, 0, 0
local label = ('nvim %s'):format(tostring(vim.version()))

function H.out(line)
  io.stdout:write(line .. '\n')
end

function H.ok(name)
  passes = passes + 1
  H.out(('ok - %s: %s'):format(label, name))
end

function H.skip(name, reason)
  skips = skips + 1
  H.out(('ok - %s: %s # SKIP %s'):format(label, name, reason))
end

--- Records a failure and stops the script: later steps depend on earlier ones.
function H.fail(name, detail)
  failures = failures + 1
  H.out(('not ok - %s: %s'):format(label, name))
  if detail then
    H.out('  # ' .. tostring(detail):gsub('\n', '\n  # '))
  end
  H.finish()
end

function H.check(cond, name, detail)
  if cond then
    H.ok(name)
  else
    H.fail(name, type(detail) == 'function' and detail() or detail)
  end
end

function H.wait(ms, cond)
  return vim.wait(ms, cond, 20)
end

function H.finish()
  H.out(('# %s: %d passed, %d skipped, %d failed'):format(label, passes, skips, failures))
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop()
  end
  vim.wait(2000, function()
    return #vim.lsp.get_clients() == 0
  end, 20)
  os.exit(failures == 0 and 0 or 1)
end

--- Puts editors/nvim on 'runtimepath' and enables jiaodui the way the README tells users to:
--- as if the folder was on 'runtimepath' at startup (its plugin/ file is sourced), then
--- vim.lsp.enable on 0.11 and setup() on 0.10. With via_setup, as the lazy.nvim snippet does
--- it: the folder is added after startup, so plugin/ is never sourced, and setup() runs on
--- both versions.
function H.load_plugin(via_setup)
  local here = debug.getinfo(1, 'S').source:sub(2)
  local root = vim.fs.dirname(vim.fs.dirname(vim.fn.fnamemodify(here, ':p')))
  vim.opt.rtp:prepend(root)
  if not via_setup then
    vim.cmd.runtime('plugin/jiaodui.lua')
  end
  if vim.fn.has('nvim-0.11') == 1 and not via_setup then
    vim.lsp.enable('jiaodui')
  else
    require('jiaodui').setup()
  end
  -- An interactive prompt would hang a headless run: any call to it is a test failure.
  vim.ui.select = function(items, opts)
    local lines = {}
    for _, item in ipairs(items) do
      local action = type(item) == 'table' and item.action or item
      if type(action) == 'table' and action.title then
        local ranges = vim.tbl_map(function(d)
          return ('%d:%d'):format(d.range.start.line, d.range.start.character)
        end, action.diagnostics or {})
        lines[#lines + 1] = ('%s [%s]%s for diagnostics at %s'):format(action.title, tostring(action.kind),
          action.isPreferred and ' preferred' or '', table.concat(ranges, ', '))
      else
        lines[#lines + 1] = vim.inspect(item, { newline = ' ', indent = '' })
      end
    end
    H.fail('a menu would open (vim.ui.select) where one choice was expected',
      (opts and opts.prompt or '') .. '\n' .. table.concat(lines, '\n'))
  end
  return root
end

--- jiaodui's diagnostics in a buffer, optionally of one rule, sorted by position.
function H.diagnostics(buf, rule)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'jiaodui' and (rule == nil or d.code == rule) then
      out[#out + 1] = d
    end
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

function H.describe(diags)
  return vim.inspect(vim.tbl_map(function(d)
    return ('%d:%d-%d:%d %s %s'):format(d.lnum, d.col, d.end_lnum, d.end_col, tostring(d.code), d.message)
  end, diags))
end

return H
